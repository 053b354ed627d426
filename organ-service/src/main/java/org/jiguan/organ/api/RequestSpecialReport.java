package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The committee asks an organ in advance for a special report on a subject by a due date (R-SUP-3).
 *
 * @param committeeId the committee asking, which must be the organ's
 */
public record RequestSpecialReport(@TargetAggregateIdentifier String organId, String committeeId, String requestId,
                                   String subject, LocalDate requestedOn, LocalDate dueOn) {
}
