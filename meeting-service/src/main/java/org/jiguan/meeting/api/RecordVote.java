package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One member's own vote on an item (R-MEET-9; no proxies: {@code memberId} is the voter). Under a secret ballot
 * {@code choice} must be absent: the record keeps who voted, not how; the count comes with {@link CloseItem}.
 */
public record RecordVote(@TargetAggregateIdentifier String meetingId, String itemId, String memberId,
                         VoteChoice choice) {
}
