package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes an organ (R-ORG-2); a null field stays as it is. */
public record ChangeOrgan(@TargetAggregateIdentifier String organId, LocalDate changedOn, Approval approval, String name,
                          Integer staffingQuota, Integer leadershipQuota) {
}
