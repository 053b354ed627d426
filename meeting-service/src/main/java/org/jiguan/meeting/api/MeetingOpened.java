package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

/**
 * The meeting opened with a quorum (R-MEET-5, R-MEET-6).
 *
 * @param votingMembers the leadership body on the meeting date: everyone who should attend (应到会成员)
 * @param absent        the absent members, with their written opinions, which are never counted as votes
 */
public record MeetingOpened(String meetingId, String organId, String committeeId, Instant openedAt,
                            List<BodyMember> votingMembers, List<String> present, List<Absence> absent)
        implements MeetingEvent {
}
