package org.jiguan.oversight.domain.views;

/** A committee's request for a special report at the end of a day (R-SUP-3); the four are exclusive. */
public enum SpecialReportRequestStatus {
    /** Not answered, and the due date has not passed. */
    PENDING,
    /** Not answered, and the day is after the due date. */
    OVERDUE,
    /** Answered by a special report filed on or before the due date. */
    ANSWERED,
    /** Answered by a special report filed after the due date. */
    ANSWERED_LATE
}
