package org.jiguan.organ.api;

import java.time.LocalDate;

/** The organ's staff headcount as of a date, with the staffing quota in force then. */
public record HeadcountReported(String organId, String committeeId, int headcount, LocalDate asOf, int staffingQuota) implements OrganEvent {
}
