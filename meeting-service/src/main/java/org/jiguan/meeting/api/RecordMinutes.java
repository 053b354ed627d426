package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The designated recorder records (or revises, until issued) the minutes (R-MEET-11). */
public record RecordMinutes(@TargetAggregateIdentifier String meetingId, String recorderId, String text) {
}
