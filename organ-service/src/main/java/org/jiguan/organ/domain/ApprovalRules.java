package org.jiguan.organ.domain;

import static org.jiguan.platform.rules.RuleViolation.requireText;

import java.util.Objects;

import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.platform.rules.RuleViolation;

/** Whether an approval record fits the committee whose organ it concerns (R-ORG-2, R-ORG-5). */
final class ApprovalRules {
    static final String ESTABLISHMENT = "R-ORG-2";
    static final String INTERNAL_BODY = "R-ORG-5";

    private ApprovalRules() {
    }

    /**
     * R-ORG-2: the central committee's organs are approved by the Party Centre; a local committee's by the
     * upper-level establishment committee, i.e. that of the committee's parent (Art. 6).
     */
    static void requireEstablishmentApproval(Approval approval, CommitteePosition committee) {
        requireComplete(approval, ESTABLISHMENT);
        RuleViolation.require(fitsAuthority(approval, committee), ESTABLISHMENT, mismatch(approval, committee));
    }

    /** R-ORG-5: internal bodies may also rest on the organ's own committee's decision. */
    static void requireInternalBodyApproval(Approval approval, CommitteePosition committee) {
        requireComplete(approval, INTERNAL_BODY);
        boolean ownCommittee = approval.approvedBy() == Approver.COMMITTEE
                && committee.committeeId().equals(approval.approverCommitteeId());
        RuleViolation.require(ownCommittee || fitsAuthority(approval, committee), INTERNAL_BODY,
                mismatch(approval, committee) + " or by committee " + committee.committeeId() + " itself");
    }

    private static void requireComplete(Approval approval, String ruleId) {
        RuleViolation.require(approval != null, ruleId, "an approval record is required");
        requireText(approval.proposedBy(), ruleId, "the proposing establishment-management department");
        requireText(approval.documentNo(), ruleId, "the approval document number");
        RuleViolation.require(approval.approvedBy() != null, ruleId, "the approving authority is required");
        RuleViolation.requirePresent(approval.approvedOn(), ruleId, "the approval date");
    }

    private static boolean fitsAuthority(Approval approval, CommitteePosition committee) {
        if (committee.level() == CommitteeLevel.CENTRAL) {
            // The Party Centre is the central committee, so naming it as approver committee is the same thing.
            return approval.approvedBy() == Approver.PARTY_CENTRE
                    && (approval.approverCommitteeId() == null
                    || approval.approverCommitteeId().equals(committee.committeeId()));
        }
        return approval.approvedBy() == Approver.UPPER_ESTABLISHMENT_COMMITTEE
                && Objects.equals(approval.approverCommitteeId(), committee.parentCommitteeId());
    }

    private static String mismatch(Approval approval, CommitteePosition committee) {
        String expected = committee.level() == CommitteeLevel.CENTRAL
                ? "PARTY_CENTRE"
                : "UPPER_ESTABLISHMENT_COMMITTEE of committee " + committee.parentCommitteeId();
        return "approval by " + approval.approvedBy()
                + (approval.approverCommitteeId() == null ? "" : " of committee " + approval.approverCommitteeId())
                + " does not fit committee " + committee.committeeId() + ": expected " + expected;
    }
}
