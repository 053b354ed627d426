package org.jiguan.oversight.api;

/** Why an issued reminder was withdrawn (R-SUP-2): facts recorded later showed it should not have been issued. */
public enum WithdrawalReason {
    /** The year's report was filed before the stage's day; the filing was recorded after the reminder. */
    FILED_BEFORE_STAGE,
    /** The organ does not owe the year's report (established after the cut-off day or abolished before the due date). */
    NOT_OWED
}
