package org.jiguan.meeting.api;

/** R-MEET-1: the affairs meeting decides; the office meeting pushes implementation and must not decide its matters. */
public enum MeetingKind {
    /** 部(厅、委、室)务会会议. */
    AFFAIRS,
    /** 部(厅、委、室)长办公会议 (Art. 23). */
    OFFICE
}
