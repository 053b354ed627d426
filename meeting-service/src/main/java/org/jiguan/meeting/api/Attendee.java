package org.jiguan.meeting.api;

/** A non-voting attendee (列席, Art. 20): may speak, never votes (R-MEET-5). */
public record Attendee(String personId, String name) {
}
