package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.LocalDate;

import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.RevokeDecision;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-13: a decision changes only by reconsideration (复议, PG 24) at a later affairs meeting of the same organ,
 * or by its party committee revoking or changing it (Art. 25). Either way its history stays.
 */
final class DecisionChanges {
    private DecisionChanges() {
    }

    static void requireReconsideredInAffairsMeeting(MeetingKind kind, AgendaItem item) {
        RuleViolation.require(item.reconsidersDecisionId() == null || kind == MeetingKind.AFFAIRS, "R-MEET-13",
                "item " + item.itemId() + " reconsiders decision " + item.reconsidersDecisionId()
                        + "; only an affairs meeting reconsiders a decision");
    }

    /** @param standing the decision's state: null while in force, otherwise why it is no longer */
    static void requireReconsiderable(String decisionId, String decisionOrganId, String decisionMeetingId,
                                      LocalDate decidedOn, String standing, Adoption adoption) {
        RuleViolation.require(decisionOrganId.equals(adoption.organId()), "R-MEET-13", "decision " + decisionId
                + " belongs to organ " + decisionOrganId + "; a meeting reconsiders only its own organ's decisions");
        RuleViolation.require(standing == null, "R-MEET-13",
                "decision " + decisionId + " is no longer in force: " + standing);
        RuleViolation.require(!adoption.meetingId().equals(decisionMeetingId)
                        && !decidedOn.isAfter(adoption.decidedOn()), "R-MEET-13",
                "decision " + decisionId + " was not taken before meeting " + adoption.meetingId()
                        + " and cannot be reconsidered by it");
    }

    static void requireRevocable(RevokeDecision command, String decisionCommitteeId, LocalDate decidedOn,
                                 String standing) {
        RuleViolation.require(decisionCommitteeId.equals(command.committeeId()), "R-MEET-13",
                "only the organ's committee " + decisionCommitteeId + " may revoke or change this decision");
        RuleViolation.require(command.action() != null, "R-MEET-13", "the action (REVOKE or CHANGE) is required");
        RuleViolation.require(hasText(command.reason()), "R-MEET-13", "the committee's reason is required");
        RuleViolation.requirePresent(command.on(), "R-MEET-13", "the date of the revocation");
        RuleViolation.require(!command.on().isBefore(decidedOn), "R-MEET-13",
                "a decision taken on " + decidedOn + " cannot be revoked on " + command.on());
        RuleViolation.require(standing == null, "R-MEET-13",
                "the decision is no longer in force: " + standing);
    }
}
