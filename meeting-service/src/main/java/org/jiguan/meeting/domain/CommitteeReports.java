package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.RecordCommitteeReply;
import org.jiguan.meeting.api.ReportDecisionToCommittee;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-DEC-1 请示报告 (Art. 19 ¶2, Art. 25 ¶1): a decision adopted on an item of the four major categories (三重一大) or of
 * {@code REPORT_TO_COMMITTEE}, and every urgent decision, is reported to the organ's party committee, once, dated
 * neither before the decision nor in the future, with its document number, and signed as R-DOC-1 asks; the
 * committee's office may then record its reply or acknowledgement, once.
 */
final class CommitteeReports {
    /** The categories whose adopted decisions are reported: the four major ones and REPORT_TO_COMMITTEE. */
    static final Set<ItemCategory> REPORTED = EnumSet.of(ItemCategory.MAJOR_DECISION, ItemCategory.PERSONNEL,
            ItemCategory.MAJOR_PROJECT, ItemCategory.LARGE_FUNDS, ItemCategory.REPORT_TO_COMMITTEE);

    private CommitteeReports() {
    }

    static boolean isReported(DecisionOrigin origin, ItemCategory category) {
        return origin == DecisionOrigin.URGENT || REPORTED.contains(category);
    }

    /** The organ in the command is the one on {@code reportedOn}; the signer is judged on it (R-DOC-1). */
    static void requireReportable(String decisionId, String organId, DecisionOrigin origin, ItemCategory category,
                                  LocalDate decidedOn, LocalDate reportedOn, ReportDecisionToCommittee command) {
        RuleViolation.require(isReported(origin, category), "R-DEC-1", "decision " + decisionId + " on a "
                + category + " item is not one reported to the committee: only decisions on MAJOR_DECISION, "
                + "PERSONNEL, MAJOR_PROJECT, LARGE_FUNDS or REPORT_TO_COMMITTEE items, and urgent decisions, are");
        RuleViolation.require(reportedOn == null, "R-DEC-1",
                "decision " + decisionId + " was already reported to the committee on " + reportedOn);
        RuleViolation.require(command.reportedOn() != null, "R-DEC-1", "the report's date is required");
        RuleViolation.require(!command.reportedOn().isBefore(decidedOn), "R-DEC-1", "a report dated "
                + command.reportedOn() + " cannot report decision " + decisionId + " taken on " + decidedOn);
        RuleViolation.requirePresent(command.reportedOn(), "R-DEC-1", "the date of the report");
        RuleViolation.require(hasText(command.documentNo()), "R-DEC-1", "the report's document number is required");
        OrganStanding.require(command.organ(), organId, command.reportedOn());
        Mandates.requireActing(command.organ(), command.signedBy(), command.signingBasis(), command.mandate(),
                "R-DOC-1", "signs");
        RuleViolation.require(command.mandate() == null || !command.mandate().grantedOn().isAfter(command.reportedOn()),
                "R-DOC-1", "a mandate given after the report was signed cannot have authorised the signature");
    }

    static void requireReply(String decisionId, LocalDate reportedOn, boolean replied, RecordCommitteeReply command) {
        RuleViolation.require(reportedOn != null, "R-DEC-1",
                "decision " + decisionId + " has not been reported to the committee, so there is nothing to reply to");
        RuleViolation.require(!replied, "R-DEC-1", "the committee's reply to decision " + decisionId
                + " is already recorded");
        RuleViolation.require(command.kind() != null, "R-DEC-1", "the kind of reply is required");
        RuleViolation.require(command.repliedOn() != null && !command.repliedOn().isBefore(reportedOn), "R-DEC-1",
                "a reply dated " + command.repliedOn() + " cannot answer a report of " + reportedOn);
        RuleViolation.requirePresent(command.repliedOn(), "R-DEC-1", "the date of the reply");
    }
}
