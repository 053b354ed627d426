package org.jiguan.organ.api;

import java.time.LocalDate;

/** A special report was filed. */
public record SpecialReportFiled(String organId, String committeeId, String reportId, String subject, LocalDate filedOn,
                                 String documentNo, String relatesTo, LocalDate dueOn) implements OrganEvent {
}
