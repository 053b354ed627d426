package org.jiguan.meeting.api;

import java.time.LocalDate;

/** A meeting adopted an item; the decision is in force from {@code decidedOn} (R-MEET-10). */
public record DecisionTaken(String decisionId, String organId, String committeeId, String meetingId, String itemId,
                            String title, ItemCategory category, LocalDate decidedOn, DecisionOrigin origin,
                            String reconsidersDecisionId) implements DecisionEvent {
}
