package org.jiguan.meeting.api;

import java.time.LocalDate;

/**
 * A later affairs meeting reconsidered (复议) the decision and adopted {@code newDecisionId} in its place
 * (R-MEET-13); the decision is no longer in force.
 */
public record DecisionReconsidered(String decisionId, String organId, String committeeId, String byMeetingId,
                                   String byItemId, String newDecisionId, LocalDate on) implements DecisionEvent {
}
