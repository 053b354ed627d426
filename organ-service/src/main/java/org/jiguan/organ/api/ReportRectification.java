package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports rectification against a finding (R-SUP-4). */
public record ReportRectification(@TargetAggregateIdentifier String organId, String findingId, LocalDate reportedOn,
                                  String description, boolean completed) {
}
