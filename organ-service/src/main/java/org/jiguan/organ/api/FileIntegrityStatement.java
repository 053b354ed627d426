package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Files a leader's yearly duty-and-integrity statement (述责述廉, R-SUP-5). */
public record FileIntegrityStatement(@TargetAggregateIdentifier String organId, String memberId, int year, LocalDate filedOn) {
}
