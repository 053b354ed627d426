package org.jiguan.meeting.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BallotCount;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.platform.web.ClientIds;

/**
 * Request bodies of meeting-service (CONTRACT.md). Shape and presence are checked here (400 VALIDATION);
 * the rules of DOMAIN.md are decided in the domain (422 with the rule id).
 */
final class MeetingRequests {
    private MeetingRequests() {
    }

    record ConveneBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String meetingId,
                       @NotBlank String organId, @NotNull MeetingKind kind, @NotBlank String convenerId,
                       @NotNull ConvenerBasis convenerBasis, @Valid MandateBody mandate,
                       @NotNull OffsetDateTime scheduledAt, OffsetDateTime noticeGivenAt, Boolean emergency,
                       String emergencyReason, @NotBlank String recorderId,
                       @NotEmpty List<@NotNull @Valid AgendaItemBody> agenda,
                       List<@NotNull @Valid AttendeeBody> nonVotingAttendees) {
        List<AgendaItem> items() {
            return agenda.stream().map(AgendaItemBody::toItem).toList();
        }

        List<Attendee> attendees() {
            return nonVotingAttendees == null ? List.of()
                    : nonVotingAttendees.stream().map(a -> new Attendee(a.personId(), a.name())).toList();
        }
    }

    /** Who delegated or designated a convener other than the principal (R-MEET-3). */
    record MandateBody(@NotBlank String grantedBy, String documentNo, @NotNull LocalDate grantedOn) {
        ConvenerMandate toMandate() {
            return new ConvenerMandate(grantedBy, documentNo, grantedOn);
        }
    }

    record AgendaItemBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String itemId,
                          @NotBlank @Size(max = 300) String title, @NotNull ItemCategory category,
                          Boolean macroPolicy,
                          @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String reconsidersDecisionId) {
        AgendaItem toItem() {
            return new AgendaItem(itemId, title, category, Boolean.TRUE.equals(macroPolicy), reconsidersDecisionId);
        }
    }

    record AttendeeBody(@NotBlank String personId, @NotBlank String name) {
    }

    record PreparationBody(@NotNull PreparationStep step, @NotNull LocalDate completedOn, String note) {
    }

    record OpeningBody(@NotNull OffsetDateTime openedAt, @NotNull List<@NotBlank String> present,
                       List<@NotNull @Valid AbsenceBody> absent) {
        List<Absence> absences() {
            return absent == null ? List.of()
                    : absent.stream().map(a -> new Absence(a.memberId(), a.writtenOpinion())).toList();
        }
    }

    record AbsenceBody(@NotBlank String memberId, String writtenOpinion) {
    }

    record RecusalBody(@NotBlank String memberId, @NotBlank String reason) {
    }

    record VotingBody(@NotNull VotingMethod method) {
    }

    /** {@code choice} is required except under a secret ballot, which records who voted and not how (R-MEET-9). */
    record VoteBody(@NotBlank String memberId, VoteChoice choice) {
    }

    /** {@code closedAt} defaults to the meeting's opening: the item was decided in the meeting. */
    record ClosingBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String decisionId,
                       List<@NotBlank String> positionsOrder, Boolean defer, String reason,
                       @Valid BallotCountBody ballotCount, OffsetDateTime closedAt) {
        BallotCount count() {
            return ballotCount == null ? null
                    : new BallotCount(ballotCount.forVotes(), ballotCount.againstVotes(), ballotCount.abstentions());
        }
    }

    /** The tellers' count of a secret ballot (R-MEET-9). */
    record BallotCountBody(@NotNull @PositiveOrZero Integer forVotes, @NotNull @PositiveOrZero Integer againstVotes,
                           @NotNull @PositiveOrZero Integer abstentions) {
    }

    record MinutesBody(@NotBlank String recorderId, @NotBlank String text) {
    }

    /** {@code issuedAt}: when the summary was signed, if recorded later; defaults to now. */
    record IssueBody(@NotBlank String signedBy, OffsetDateTime issuedAt) {
    }

    record AdjournBody(@NotNull OffsetDateTime at) {
    }

    record TaskBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String taskId,
                    @NotBlank String owner, @NotNull LocalDate dueOn, @NotBlank String description) {
    }

    record FeedbackBody(@NotNull LocalDate reportedOn, @NotNull Boolean done, String note) {
    }

    record RevocationBody(@NotBlank String committeeId, @NotNull RevocationAction action, @NotBlank String reason,
                          @NotNull LocalDate on) {
    }

    record UrgentDecisionBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String decisionId,
                              @NotBlank String organId, @NotBlank String decidedBy, @NotBlank String title,
                              @NotNull ItemCategory category, @NotNull LocalDate decidedOn, @NotBlank String reason) {
    }

    record UrgentReportBody(@NotBlank String meetingId) {
    }
}
