package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

/**
 * The meeting ended.
 *
 * @param undecidedItemIds items neither decided nor deferred when the meeting ended
 */
public record MeetingAdjourned(String meetingId, String organId, String committeeId, Instant at,
                               List<String> undecidedItemIds) implements MeetingEvent {
}
