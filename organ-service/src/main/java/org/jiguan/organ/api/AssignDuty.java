package org.jiguan.organ.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives the organ a duty from its three-determinations provisions (R-ORG-7). */
public record AssignDuty(@TargetAggregateIdentifier String organId, String dutyCode, String description) {
}
