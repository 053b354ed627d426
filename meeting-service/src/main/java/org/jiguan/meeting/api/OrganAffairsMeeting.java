package org.jiguan.meeting.api;

import java.time.Instant;

/** An affairs meeting of an organ that has opened, as meeting-service knows its own meetings (R-MEET-14). */
public record OrganAffairsMeeting(String meetingId, Instant openedAt) {
}
