package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Abolishes an internal body (R-ORG-5); {@code on} defaults to the approval date. */
public record AbolishInternalBody(@TargetAggregateIdentifier String organId, String bodyId, Approval approval, LocalDate on) {
}
