package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

/**
 * An item was adopted: {@code forVotes} exceed half of {@code membersWhoShouldAttend} (R-MEET-10). The decision
 * {@code decisionId} was taken with it.
 *
 * @param reconsidersDecisionId the earlier decision this one reconsiders (R-MEET-13), if any
 */
public record ItemAdopted(String meetingId, String organId, String committeeId, String itemId, String decisionId,
                          String title, ItemCategory category, int forVotes, int againstVotes, int abstentions,
                          int membersWhoShouldAttend, VotingMethod method, List<String> positionsOrder,
                          Instant decidedAt, String reconsidersDecisionId) implements MeetingEvent {
}
