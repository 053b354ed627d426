package org.jiguan.meeting.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reports an urgent decision to the next affairs meeting of its organ (R-MEET-14).
 *
 * @param affairsMeetings the organ's affairs meetings that have opened, as far as meeting-service knows them, so
 *                        the domain can tell which one was the next after the decision
 */
public record ReportUrgentDecision(@TargetAggregateIdentifier String decisionId, String meetingId,
                                   List<OrganAffairsMeeting> affairsMeetings) {
}
