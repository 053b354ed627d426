package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Feedback on an implementation task; {@code done} closes it (R-MEET-12). */
public record ReportTaskFeedback(@TargetAggregateIdentifier String decisionId, String taskId, LocalDate reportedOn,
                                 boolean done, String note) {
}
