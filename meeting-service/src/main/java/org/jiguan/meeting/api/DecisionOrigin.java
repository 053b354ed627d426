package org.jiguan.meeting.api;

/** How a decision came about. */
public enum DecisionOrigin {
    /** Adopted by a meeting's vote (R-MEET-10). */
    MEETING,
    /** Taken by the principal alone when no meeting could be convened in time (R-MEET-14). */
    URGENT
}
