package org.jiguan.meeting.api;

import java.time.LocalDate;

/** An urgent decision was reported to an affairs meeting; it is no longer pending report (R-MEET-14). */
public record UrgentDecisionReported(String decisionId, String organId, String committeeId, String meetingId,
                                     LocalDate reportedOn) implements DecisionEvent {
}
