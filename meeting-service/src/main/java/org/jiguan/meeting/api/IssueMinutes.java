package org.jiguan.meeting.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues the meeting summary under the signer's signature (签发); afterwards the minutes are immutable (R-MEET-11).
 * {@code issuedAt} is when it was signed; recorded later, it is given, otherwise it is now. {@code circulation}, the
 * circulation scope (传达范围) beyond the meeting's circle, may be null: the circle alone (R-MEET-15).
 */
public record IssueMinutes(@TargetAggregateIdentifier String meetingId, String signedBy, Instant issuedAt,
                           CirculationScope circulation) {

    public IssueMinutes(String meetingId, String signedBy) {
        this(meetingId, signedBy, null, null);
    }

    public IssueMinutes(String meetingId, String signedBy, Instant issuedAt) {
        this(meetingId, signedBy, issuedAt, null);
    }
}
