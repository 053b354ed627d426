package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Issues the meeting summary under the signer's signature (签发); afterwards the minutes are immutable (R-MEET-11). */
public record IssueMinutes(@TargetAggregateIdentifier String meetingId, String signedBy) {
}
