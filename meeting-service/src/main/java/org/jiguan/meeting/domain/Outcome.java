package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-10 (PG 21): an item is adopted when FOR votes exceed half of everyone who should attend (应到会成员) — the
 * whole body, present or not, recused included — so a majority of those present is not enough. Absentees' written
 * opinions are never votes. The chair may defer instead, and states a position last (主持人末位表态).
 */
final class Outcome {
    private Outcome() {
    }

    static boolean adopted(int forVotes, int membersWhoShouldAttend) {
        return forVotes * 2 > membersWhoShouldAttend;
    }

    static void requireDeferral(String reason) {
        RuleViolation.require(hasText(reason), "R-MEET-10", "deferring an item (暂缓表决) needs a reason");
    }

    static void requireVoted(MeetingItem item) {
        RuleViolation.require(item.stage() == MeetingItem.Stage.VOTING, "R-MEET-10", "item " + item.itemId()
                + " was never put to the vote; vote on it or defer it");
    }

    static void requireNoVotingOpen(String votingItemId) {
        RuleViolation.require(votingItemId == null, "R-MEET-10",
                "item " + votingItemId + " is being voted; close or defer it before the meeting ends");
    }

    /**
     * Acts are often recorded after the meeting: without a closing time the item was decided in the meeting,
     * so the decision takes the meeting's date, never the day it was typed in.
     */
    static Instant requireDecisionTime(Instant closedAt, Instant openedAt) {
        Instant at = closedAt == null ? openedAt : closedAt;
        RuleViolation.requirePresent(at, "R-MEET-10", "the time of the decision");
        RuleViolation.require(!at.isBefore(openedAt), "R-MEET-10",
                "an item cannot be decided at " + at + ", before the meeting opened at " + openedAt);
        return at;
    }

    /**
     * Those who state positions are the members present and not recused, once each; the chair, when among them,
     * comes last.
     */
    static List<String> requirePositionsOrder(List<String> order, MeetingItem item, Attendance attendance,
                                              String chairId) {
        if (order == null || order.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (String memberId : order) {
            RuleViolation.require(attendance.isPresent(memberId) && !item.isRecused(memberId), "R-MEET-10",
                    memberId + " is not a present, non-recused voting member and states no position on item "
                            + item.itemId());
            RuleViolation.require(seen.add(memberId), "R-MEET-10", memberId + " appears twice in the positions order");
        }
        boolean chairTakesPart = attendance.isPresent(chairId) && !item.isRecused(chairId);
        RuleViolation.require(!chairTakesPart || chairId.equals(order.get(order.size() - 1)), "R-MEET-10",
                "the chair " + chairId + " states a position last (主持人末位表态)");
        return List.copyOf(order);
    }
}
