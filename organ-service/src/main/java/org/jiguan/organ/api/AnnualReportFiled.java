package org.jiguan.organ.api;

import java.time.LocalDate;

/** A comprehensive annual work report was filed; {@code supplement} marks a later one for the same year. */
public record AnnualReportFiled(String organId, String committeeId, int year, LocalDate filedOn, String documentNo,
                                String summary, boolean supplement) implements OrganEvent {
}
