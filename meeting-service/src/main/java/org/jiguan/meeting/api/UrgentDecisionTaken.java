package org.jiguan.meeting.api;

import java.time.LocalDate;

/** The principal decided alone; the decision is pending report to the next affairs meeting (R-MEET-14). */
public record UrgentDecisionTaken(String decisionId, String organId, String committeeId, String decidedBy,
                                  String title, ItemCategory category, LocalDate decidedOn, String reason,
                                  DecisionOrigin origin) implements DecisionEvent {
}
