package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Convenes an affairs or office meeting with its agenda fixed in advance (R-MEET-1…5).
 *
 * @param organ         the organ as of {@code scheduledAt}'s date (Asia/Shanghai), resolved by the application layer
 * @param mandate       the delegation or designation; required unless {@code convenerBasis} is PRINCIPAL
 * @param noticeGivenAt when the agenda was announced to the members; may be absent only in an emergency
 */
public record ConveneMeeting(@TargetAggregateIdentifier String meetingId, OrganOnDate organ, MeetingKind kind,
                             String convenerId, ConvenerBasis convenerBasis, ConvenerMandate mandate,
                             Instant scheduledAt, Instant noticeGivenAt, boolean emergency, String emergencyReason,
                             String recorderId, List<AgendaItem> agenda, List<Attendee> nonVotingAttendees) {
}
