package org.jiguan.organ.api;

import java.time.LocalDate;

/** A leader filed the personal-matters report for a year in which they sat on the body (R-SUP-5). */
public record PersonalMattersReportFiled(String organId, String committeeId, String memberId, int year,
                                         LocalDate filedOn) implements OrganEvent {
}
