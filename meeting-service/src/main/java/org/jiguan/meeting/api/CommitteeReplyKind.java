package org.jiguan.meeting.api;

/** How the committee answered a report (R-DEC-1). */
public enum CommitteeReplyKind {
    /** 批复: the committee's reply to a request for instructions. */
    REPLY,
    /** 收悉: the committee acknowledged the report. */
    ACKNOWLEDGEMENT
}
