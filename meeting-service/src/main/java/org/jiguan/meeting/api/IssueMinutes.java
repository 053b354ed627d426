package org.jiguan.meeting.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues the meeting summary under the signer's signature (签发); afterwards the minutes are immutable (R-MEET-11).
 * {@code issuedAt} is when it was signed; recorded later, it is given, otherwise it is now.
 */
public record IssueMinutes(@TargetAggregateIdentifier String meetingId, String signedBy, Instant issuedAt) {

    public IssueMinutes(String meetingId, String signedBy) {
        this(meetingId, signedBy, null);
    }
}
