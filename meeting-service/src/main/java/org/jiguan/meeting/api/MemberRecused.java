package org.jiguan.meeting.api;

/** A voting member recused from an item; the member still counts among those who should attend (R-MEET-7). */
public record MemberRecused(String meetingId, String organId, String committeeId, String itemId, String memberId,
                            String reason) implements MeetingEvent {
}
