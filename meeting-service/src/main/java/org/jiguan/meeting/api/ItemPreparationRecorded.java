package org.jiguan.meeting.api;

import java.time.LocalDate;

/** A preparation step of an item was completed (R-MEET-8). */
public record ItemPreparationRecorded(String meetingId, String organId, String committeeId, String itemId,
                                      PreparationStep step, LocalDate completedOn, String note)
        implements MeetingEvent {
}
