package org.jiguan.organ.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets up an internal body (内设机构, R-ORG-5). */
public record EstablishInternalBody(@TargetAggregateIdentifier String organId, String bodyId, String name, Approval approval) {
}
