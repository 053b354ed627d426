package org.jiguan.meeting.api;

/** The recorder recorded or revised the minutes (R-MEET-11). */
public record MinutesRecorded(String meetingId, String organId, String committeeId, String recorderId, String text)
        implements MeetingEvent {
}
