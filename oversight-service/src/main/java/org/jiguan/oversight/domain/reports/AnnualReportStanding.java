package org.jiguan.oversight.domain.reports;

import java.time.LocalDate;

/**
 * One row of the annual-reports query for an organ and year as of a date.
 *
 * @param dueOn       the working-day due date; null when the organ owes nothing for the year
 * @param filedOn     the first comprehensive report's date if filed by the as-of date, else null
 * @param daysOverdue calendar days past the due date while unfiled, 0 otherwise
 */
public record AnnualReportStanding(int year, AnnualReportStatus status, LocalDate dueOn, LocalDate filedOn,
                                   long daysOverdue) {
}
