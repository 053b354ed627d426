package org.jiguan.meeting.api;

/** R-MEET-13: what the party committee does with an organ's improper decision (Art. 25). */
public enum RevocationAction {
    /** 撤销. */
    REVOKE,
    /** 改变. */
    CHANGE
}
