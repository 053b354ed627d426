package org.jiguan.meeting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting was convened with its agenda fixed and announced (R-MEET-1…5).
 *
 * @param votingMembers the organ's leadership body on {@code organDate}, the scheduled date
 */
public record MeetingConvened(String meetingId, String organId, String committeeId, String organName,
                              LocalDate organDate, MeetingKind kind, String convenerId, ConvenerBasis convenerBasis,
                              ConvenerMandate mandate, Instant scheduledAt, Instant noticeGivenAt, boolean emergency,
                              String emergencyReason, String recorderId, List<AgendaItem> agenda,
                              List<Attendee> nonVotingAttendees, List<BodyMember> votingMembers)
        implements MeetingEvent {
}
