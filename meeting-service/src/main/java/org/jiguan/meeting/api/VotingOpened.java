package org.jiguan.meeting.api;

/** An item was put to the vote by {@code method} (R-MEET-9). */
public record VotingOpened(String meetingId, String organId, String committeeId, String itemId,
                           VotingMethod method) implements MeetingEvent {
}
