package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reports an urgent decision to the next affairs meeting of its organ (R-MEET-14). */
public record ReportUrgentDecision(@TargetAggregateIdentifier String decisionId, String meetingId) {
}
