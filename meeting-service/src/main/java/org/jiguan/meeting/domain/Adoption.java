package org.jiguan.meeting.domain;

import java.time.LocalDate;

/** What a meeting's adoption of an item means for an earlier decision it reconsiders (R-MEET-13). */
record Adoption(String meetingId, String organId, String itemId, String decisionId, String reconsidersDecisionId,
                LocalDate decidedOn) {
}
