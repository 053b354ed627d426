package org.jiguan.meeting.api;

/** A member voted on an item; {@code choice} is null under a secret ballot (R-MEET-9). */
public record VoteRecorded(String meetingId, String organId, String committeeId, String itemId, String memberId,
                           VoteChoice choice, VotingMethod method) implements MeetingEvent {
}
