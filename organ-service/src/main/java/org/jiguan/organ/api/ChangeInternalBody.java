package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Renames or re-tasks an internal body (R-ORG-5): a new {@code name}, new {@code tasks} (职责), or both; {@code on}
 * defaults to the approval date.
 */
public record ChangeInternalBody(@TargetAggregateIdentifier String organId, String bodyId, String name, String tasks,
                                 Approval approval, LocalDate on) {
}
