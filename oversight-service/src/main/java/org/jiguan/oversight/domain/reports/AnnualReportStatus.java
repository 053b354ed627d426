package org.jiguan.oversight.domain.reports;

/** An organ's comprehensive annual work report for a year, as the annual-reports query shows it (R-SUP-1, R-SUP-2). */
public enum AnnualReportStatus {
    FILED, PENDING, DUE, OVERDUE, ESCALATED, NOT_REQUIRED
}
