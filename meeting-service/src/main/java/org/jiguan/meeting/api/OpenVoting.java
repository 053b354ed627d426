package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts one item to the vote (R-MEET-1, R-MEET-6, R-MEET-8, R-MEET-9). */
public record OpenVoting(@TargetAggregateIdentifier String meetingId, String itemId, VotingMethod method) {
}
