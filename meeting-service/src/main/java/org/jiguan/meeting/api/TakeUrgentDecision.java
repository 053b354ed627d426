package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The principal decides alone when no meeting can be convened in time (临机处置, PG 19; R-MEET-14).
 *
 * @param organ the organ as of {@code decidedOn}, resolved by the application layer
 */
public record TakeUrgentDecision(@TargetAggregateIdentifier String decisionId, OrganOnDate organ, String decidedBy,
                                 String title, ItemCategory category, LocalDate decidedOn, String reason) {
}
