package org.jiguan.organ.api;

import java.time.LocalDate;

/** The organ's assessment result for a year. */
public record AssessmentRecorded(String organId, String committeeId, int year, AssessmentGrade grade, LocalDate assessedOn,
                                 String circulation) implements OrganEvent {
}
