package org.jiguan.meeting.api;

import java.time.LocalDate;

/**
 * A decision was reported to the organ's party committee (请示报告, R-DEC-1), signed by {@code signedBy} on
 * {@code signingBasis} (R-DOC-1); {@code mandate} is the delegation or designation when the signer is not the
 * principal.
 */
public record DecisionReportedToCommittee(String decisionId, String organId, String committeeId, LocalDate reportedOn,
                                          String documentNo, String signedBy, ConvenerBasis signingBasis,
                                          ConvenerMandate mandate) implements DecisionEvent {
}
