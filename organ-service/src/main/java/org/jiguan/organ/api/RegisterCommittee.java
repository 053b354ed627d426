package org.jiguan.organ.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a party committee (R-COM-1, R-COM-2). {@code policy} fields and {@code reservedDuties} are optional. */
public record RegisterCommittee(@TargetAggregateIdentifier String committeeId, String name, CommitteeLevel level, String parentCommitteeId,
                                int organQuota, ReportPolicy policy, List<String> reservedDuties) {
}
