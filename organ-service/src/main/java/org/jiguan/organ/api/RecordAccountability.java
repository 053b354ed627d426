package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an accountability measure against a leadership-body member (R-SUP-7). */
public record RecordAccountability(@TargetAggregateIdentifier String organId, String measureId, String memberId,
                                   AccountabilityMeasure measure, String reason, LocalDate decidedOn) {
}
