package org.jiguan.meeting.api;

/** An event of one meeting. Carries the organ and committee ids so consumers need no lookup to place it. */
public interface MeetingEvent {
    String meetingId();

    String organId();

    String committeeId();
}
