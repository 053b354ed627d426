package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-7 (PG 20): a member whose own or a relative's interest is at stake stands aside from that item before it
 * is put to the vote; the member still counts among those who should attend.
 */
final class Recusal {
    private Recusal() {
    }

    static void requireRecusable(MeetingItem item, Attendance attendance, String memberId, String reason) {
        RuleViolation.require(hasText(memberId), "R-MEET-7", "the recusing member is required");
        RuleViolation.require(attendance.isVotingMember(memberId), "R-MEET-7",
                memberId + " is not a voting member of this meeting, so has no vote to stand aside from");
        RuleViolation.require(item.stage() != MeetingItem.Stage.CLOSED, "R-MEET-7",
                "item " + item.itemId() + " is already closed; a recusal comes before the decision");
        RuleViolation.require(!item.hasVoted(memberId), "R-MEET-7",
                memberId + " has already voted on item " + item.itemId() + "; a recusal comes before the vote");
        // The two-thirds quorum of a personnel or discipline item is judged when it is put to the vote (R-MEET-6):
        // a recusal after that would let the item be decided by fewer.
        RuleViolation.require(item.stage() == MeetingItem.Stage.PENDING, "R-MEET-7",
                "item " + item.itemId() + " is being voted; a recusal comes before the item is put to the vote");
        RuleViolation.require(hasText(reason), "R-MEET-7", "the reason for the recusal is required");
    }

    static void requireNotRecused(MeetingItem item, String memberId) {
        RuleViolation.require(!item.isRecused(memberId), "R-MEET-7",
                memberId + " recused from item " + item.itemId() + " and cannot vote on it");
    }
}
