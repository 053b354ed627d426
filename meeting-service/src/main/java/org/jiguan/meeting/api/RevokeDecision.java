package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The organ's party committee revokes or changes an improper decision (R-MEET-13, Art. 25). */
public record RevokeDecision(@TargetAggregateIdentifier String decisionId, String committeeId,
                             RevocationAction action, String reason, LocalDate on) {
}
