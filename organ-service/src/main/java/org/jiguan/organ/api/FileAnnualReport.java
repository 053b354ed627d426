package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Files the comprehensive annual work report for {@code year} (R-SUP-1), signed on its filing date (R-DOC-1). */
public record FileAnnualReport(@TargetAggregateIdentifier String organId, int year, LocalDate filedOn, String documentNo,
                               String summary, boolean supplement, Signature signature) {
}
