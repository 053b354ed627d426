package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Gives a decision in force an implementation task (R-MEET-12, Art. 22). */
public record AssignDecisionTask(@TargetAggregateIdentifier String decisionId, String taskId, String owner,
                                 LocalDate dueOn, String description) {
}
