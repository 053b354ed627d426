package org.jiguan.meeting.api;

import java.time.LocalDate;

/** The organ's committee revoked or changed the decision; it is no longer in force (R-MEET-13). */
public record DecisionRevokedByCommittee(String decisionId, String organId, String committeeId,
                                         RevocationAction action, String reason, LocalDate on)
        implements DecisionEvent {
}
