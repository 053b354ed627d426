package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A voting member recuses from one item (R-MEET-7). */
public record DeclareRecusal(@TargetAggregateIdentifier String meetingId, String itemId, String memberId,
                             String reason) {
}
