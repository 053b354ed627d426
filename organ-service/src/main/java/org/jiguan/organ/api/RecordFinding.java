package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an inspection finding against the organ (R-SUP-4). */
public record RecordFinding(@TargetAggregateIdentifier String organId, String findingId, FindingSource source, String description,
                            LocalDate rectifyBy, LocalDate recordedOn) {
}
