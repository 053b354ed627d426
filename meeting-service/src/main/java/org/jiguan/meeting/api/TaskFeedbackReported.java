package org.jiguan.meeting.api;

import java.time.LocalDate;

/** Feedback on a task; {@code done} closes it (R-MEET-12). */
public record TaskFeedbackReported(String decisionId, String organId, String committeeId, String taskId,
                                   LocalDate reportedOn, boolean done, String note) implements DecisionEvent {
}
