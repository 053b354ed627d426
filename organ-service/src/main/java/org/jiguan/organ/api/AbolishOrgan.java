package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Abolishes an organ (R-ORG-2, R-ORG-4). */
public record AbolishOrgan(@TargetAggregateIdentifier String organId, LocalDate abolishedOn, Approval approval, String reason) {
}
