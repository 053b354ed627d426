package org.jiguan.meeting.api;

import java.time.Instant;

/** The meeting summary was issued (签发) and archived; it is immutable from now on (R-MEET-11). */
public record MinutesIssued(String meetingId, String organId, String committeeId, String signedBy, Instant issuedAt)
        implements MeetingEvent {
}
