package org.jiguan.meeting.api;

import java.time.LocalDate;

/** An implementation task of a decision; overdue when not done by {@code dueOn} (R-MEET-12). */
public record DecisionTaskAssigned(String decisionId, String organId, String committeeId, String taskId,
                                   String owner, LocalDate dueOn, String description) implements DecisionEvent {
}
