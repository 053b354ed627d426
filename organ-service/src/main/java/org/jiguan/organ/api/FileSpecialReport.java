package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Files a special report on a named instruction or decision (R-SUP-3), signed on its filing date (R-DOC-1).
 *
 * @param requestId the committee's request it answers, if any; its due date is then the request's
 */
public record FileSpecialReport(@TargetAggregateIdentifier String organId, String reportId, String subject, LocalDate filedOn,
                                String documentNo, String relatesTo, LocalDate dueOn, Signature signature,
                                String requestId) {
}
