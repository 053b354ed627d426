package org.jiguan.meeting.api;

/** The chair deferred an item (暂缓表决, R-MEET-10); any votes cast on it are void. */
public record ItemDeferred(String meetingId, String organId, String committeeId, String itemId, String reason)
        implements MeetingEvent {
}
