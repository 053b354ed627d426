package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Establishes a working organ under a committee (R-COM-2, R-ORG-1, R-ORG-2, R-ORG-3). */
public record CreateOrgan(@TargetAggregateIdentifier String organId, String committeeId, String name, OrganKind kind,
                          EstablishmentMode mode, LocalDate establishedOn, int staffingQuota, int leadershipQuota,
                          Approval approval, String relatedDepartment, String coordinationBody, String field) {
}
