package org.jiguan.meeting.api;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ends the meeting; no attendance, votes, recusals or closings afterwards. */
public record AdjournMeeting(@TargetAggregateIdentifier String meetingId, Instant at) {
}
