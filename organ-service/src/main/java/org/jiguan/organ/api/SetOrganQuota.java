package org.jiguan.organ.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets a committee's organ quota (R-COM-2) on an approval (R-ORG-2). */
public record SetOrganQuota(@TargetAggregateIdentifier String committeeId, int organQuota, Approval approval) {
}
