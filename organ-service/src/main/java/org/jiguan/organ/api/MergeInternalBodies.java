package org.jiguan.organ.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Merges internal bodies into {@code bodyId}, which survives, optionally under a new {@code name} (R-ORG-5);
 * {@code on} defaults to the approval date.
 */
public record MergeInternalBodies(@TargetAggregateIdentifier String organId, String bodyId,
                                  List<String> absorbedBodyIds, String name, Approval approval, LocalDate on) {
}
