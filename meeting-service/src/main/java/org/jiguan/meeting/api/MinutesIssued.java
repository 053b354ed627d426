package org.jiguan.meeting.api;

import java.time.Instant;

/**
 * The meeting summary was issued (签发) and archived; it is immutable from now on (R-MEET-11). {@code circulation}:
 * who beyond the meeting's circle may read its confidential content (R-MEET-15); null for the circle alone.
 */
public record MinutesIssued(String meetingId, String organId, String committeeId, String signedBy, Instant issuedAt,
                            CirculationScope circulation) implements MeetingEvent {

    public MinutesIssued(String meetingId, String organId, String committeeId, String signedBy, Instant issuedAt) {
        this(meetingId, organId, committeeId, signedBy, issuedAt, null);
    }
}
