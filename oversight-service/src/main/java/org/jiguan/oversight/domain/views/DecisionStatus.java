package org.jiguan.oversight.domain.views;

/** A decision at the end of a day (R-MEET-10, R-MEET-13, R-MEET-14). */
public enum DecisionStatus {
    IN_FORCE,
    /** An urgent decision not yet reported to an affairs meeting (R-MEET-14). */
    PENDING_REPORT,
    /** An urgent decision not reported to the next affairs meeting, which has ended (R-MEET-14). */
    REPORT_OVERDUE,
    /** Revoked by the organ's committee (撤销, R-MEET-13). */
    REVOKED,
    /** Changed by the organ's committee (改变, R-MEET-13). */
    CHANGED,
    /** Replaced by a later affairs meeting's reconsideration (复议, R-MEET-13). */
    RECONSIDERED
}
