package org.jiguan.oversight.domain.views;

/** The aggregates whose event histories oversight keeps, one history per aggregate id. */
public enum AggregateKind {
    /** A party committee (党委), from organ-events: quota, policy and quota slots. */
    COMMITTEE,
    /** A working organ (工作机关), from organ-events. */
    ORGAN,
    /** An affairs or office meeting, from meeting-records. */
    MEETING,
    /** A decision (adopted at a meeting or taken urgently), from meeting-records. */
    DECISION
}
