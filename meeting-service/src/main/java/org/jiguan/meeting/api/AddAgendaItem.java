package org.jiguan.meeting.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds an item at the meeting: only an emergency meeting may (PG 19 议题在会上提出; R-MEET-4). */
public record AddAgendaItem(@TargetAggregateIdentifier String meetingId, AgendaItem item) {
}
