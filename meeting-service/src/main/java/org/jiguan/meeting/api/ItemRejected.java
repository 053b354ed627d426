package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

/** An item was rejected: {@code forVotes} did not exceed half of {@code membersWhoShouldAttend} (R-MEET-10). */
public record ItemRejected(String meetingId, String organId, String committeeId, String itemId, String title,
                           ItemCategory category, int forVotes, int againstVotes, int abstentions,
                           int membersWhoShouldAttend, VotingMethod method, List<String> positionsOrder,
                           Instant decidedAt) implements MeetingEvent {
}
