package org.jiguan.meeting.api;

/** An item raised at an emergency meeting (PG 19). */
public record AgendaItemAdded(String meetingId, String organId, String committeeId, AgendaItem item)
        implements MeetingEvent {
}
