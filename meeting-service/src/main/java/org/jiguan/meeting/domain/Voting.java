package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import org.jiguan.meeting.api.BallotCount;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-9 (PG 21): items are voted one at a time; each present, non-recused member votes once, in person, on the
 * recorded method; a secret ballot records who voted but not how, and the tellers' count gives the result.
 */
final class Voting {
    private Voting() {
    }

    static void requireMethod(VotingMethod method) {
        RuleViolation.require(method != null, "R-MEET-9", "the voting method is required");
    }

    static void requireNoOtherVoting(String votingItemId, String itemId) {
        RuleViolation.require(votingItemId == null, "R-MEET-9", "item " + votingItemId
                + " is still being voted; items are voted separately, so close it before putting " + itemId);
    }

    static void requireVotingOpen(MeetingItem item) {
        RuleViolation.require(item.stage() == MeetingItem.Stage.VOTING, "R-MEET-9",
                "item " + item.itemId() + " is not open for voting");
    }

    /** There is no proxy: the member named is the one who votes, so only a member in the room can. */
    static void requireVoter(MeetingItem item, Attendance attendance, String memberId) {
        RuleViolation.require(hasText(memberId), "R-MEET-9", "the voter is required");
        RuleViolation.require(attendance.isVotingMember(memberId), "R-MEET-9",
                memberId + " is not a voting member of this meeting");
        RuleViolation.require(attendance.isPresent(memberId), "R-MEET-9", memberId
                + " is absent; votes are cast in person, never by proxy, and a written opinion is not a vote");
        RuleViolation.require(!item.hasVoted(memberId), "R-MEET-9",
                memberId + " has already voted on item " + item.itemId());
    }

    static void requireChoice(VotingMethod method, VoteChoice choice) {
        if (method == VotingMethod.SECRET_BALLOT) {
            RuleViolation.require(choice == null, "R-MEET-9",
                    "a secret ballot records who voted, not how; the tellers' count comes when the item is closed");
        } else {
            RuleViolation.require(choice != null, "R-MEET-9", "the choice (FOR, AGAINST, ABSTAIN) is required");
        }
    }

    /** The votes an item's outcome is computed from: the recorded choices, or the tellers' count of a secret ballot. */
    static BallotCount requireTally(MeetingItem item, BallotCount tellersCount) {
        if (item.method() != VotingMethod.SECRET_BALLOT) {
            RuleViolation.require(tellersCount == null, "R-MEET-9",
                    "a tellers' count is only given for a secret ballot; this item was voted " + item.method());
            return new BallotCount(item.count(VoteChoice.FOR), item.count(VoteChoice.AGAINST),
                    item.count(VoteChoice.ABSTAIN));
        }
        RuleViolation.require(tellersCount != null, "R-MEET-9", "a secret ballot is closed with the tellers' count");
        RuleViolation.require(tellersCount.forVotes() >= 0 && tellersCount.againstVotes() >= 0
                && tellersCount.abstentions() >= 0, "R-MEET-9", "the tellers' count cannot be negative");
        RuleViolation.require(tellersCount.total() == item.ballotsCast(), "R-MEET-9", "the tellers counted "
                + tellersCount.total() + " ballots but " + item.ballotsCast() + " members voted");
        return tellersCount;
    }
}
