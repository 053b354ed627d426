package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a member from an organ's leadership body (R-LEAD-4). */
public record RemoveLeader(@TargetAggregateIdentifier String organId, String memberId, LocalDate on, String reason) {
}
