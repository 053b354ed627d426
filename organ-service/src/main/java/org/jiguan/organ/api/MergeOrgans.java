package org.jiguan.organ.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merges organs into the surviving {@code organId} and abolishes the absorbed ones (R-ORG-2, R-ORG-4). */
public record MergeOrgans(@TargetAggregateIdentifier String organId, List<String> absorbedOrganIds, LocalDate mergedOn,
                          Approval approval) {
}
