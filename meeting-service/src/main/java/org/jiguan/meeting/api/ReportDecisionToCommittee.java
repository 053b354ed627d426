package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports a decision to the organ's party committee (请示报告, R-DEC-1) under its signer's signature (签发, R-DOC-1).
 *
 * @param organ        the organ as of {@code reportedOn}, resolved by the application layer: whose principal signs
 * @param signingBasis on what basis {@code signedBy} signs: the principal, or a leader delegated by the principal or
 *                     designated by the committee, with that {@code mandate} recorded (as for convening, R-MEET-3)
 */
public record ReportDecisionToCommittee(@TargetAggregateIdentifier String decisionId, OrganOnDate organ,
                                        LocalDate reportedOn, String documentNo, String signedBy,
                                        ConvenerBasis signingBasis, ConvenerMandate mandate) {
}
