package org.jiguan.oversight.domain.views;

/** A decision's report to the organ's party committee at the end of a day (R-DEC-1). */
public enum CommitteeReportStatus {
    /** Neither a decision on a major or REPORT_TO_COMMITTEE item nor an urgent decision. */
    NOT_REQUIRED,
    /** To be reported, the committee's deadline not passed. */
    PENDING,
    /** Not reported by the committee's deadline. */
    OVERDUE,
    REPORTED
}
