package org.jiguan.meeting.api;

import java.time.LocalDate;

/** The committee replied to (批复) or acknowledged a decision's report (R-DEC-1). */
public record CommitteeReplyRecorded(String decisionId, String organId, String committeeId, CommitteeReplyKind kind,
                                     LocalDate repliedOn, String documentNo, String note) implements DecisionEvent {
}
