package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an item with its outcome (R-MEET-10), or defers it ({@code defer}, with a reason).
 *
 * @param decisionId     the id of the decision an adoption creates; generated when absent
 * @param positionsOrder the order in which members stated their positions; the chair comes last
 * @param ballotCount    the tellers' count; required for a secret ballot, refused otherwise (R-MEET-9)
 * @param closedAt       when the item was decided; now when absent
 */
public record CloseItem(@TargetAggregateIdentifier String meetingId, String itemId, String decisionId,
                        List<String> positionsOrder, boolean defer, String reason, BallotCount ballotCount,
                        Instant closedAt) {

    public CloseItem(String meetingId, String itemId, String decisionId, List<String> positionsOrder, boolean defer,
                     String reason, BallotCount ballotCount) {
        this(meetingId, itemId, decisionId, positionsOrder, defer, reason, ballotCount, null);
    }
}
