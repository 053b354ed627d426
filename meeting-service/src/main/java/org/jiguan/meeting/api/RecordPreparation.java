package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a completed preparation step of an item (R-MEET-8). */
public record RecordPreparation(@TargetAggregateIdentifier String meetingId, String itemId, PreparationStep step,
                                LocalDate completedOn, String note) {
}
