package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports the organ's staff headcount (R-ORG-6). */
public record ReportHeadcount(@TargetAggregateIdentifier String organId, int headcount, LocalDate asOf) {
}
