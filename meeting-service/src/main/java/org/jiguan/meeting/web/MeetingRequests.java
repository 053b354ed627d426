package org.jiguan.meeting.web;

import static org.jiguan.platform.web.Limits.COUNT;
import static org.jiguan.platform.web.Limits.LIST;
import static org.jiguan.platform.web.Limits.LONG_TEXT;
import static org.jiguan.platform.web.Limits.SHORT_TEXT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
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
import org.jiguan.meeting.api.CirculationScope;
import org.jiguan.meeting.api.CommitteeReplyKind;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.platform.web.ClientIds;
import org.jiguan.platform.web.MayLieAhead;

/**
 * Request bodies of meeting-service (CONTRACT.md). Shape and presence are checked here (400 VALIDATION);
 * the rules of DOMAIN.md are decided in the domain (422 with the rule id).
 */
final class MeetingRequests {
    private MeetingRequests() {
    }

    record ConveneBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String meetingId,
                       @NotBlank @Size(max = SHORT_TEXT) String organId, @NotNull MeetingKind kind,
                       @NotBlank @Size(max = SHORT_TEXT) String convenerId,
                       @NotNull ConvenerBasis convenerBasis, @Valid MandateBody mandate,
                       @NotNull @MayLieAhead OffsetDateTime scheduledAt, OffsetDateTime noticeGivenAt, Boolean emergency,
                       @Size(max = LONG_TEXT) String emergencyReason, @NotBlank @Size(max = SHORT_TEXT) String recorderId,
                       @NotEmpty @Size(max = LIST) List<@NotNull @Valid AgendaItemBody> agenda,
                       @Size(max = LIST) List<@NotNull @Valid AttendeeBody> nonVotingAttendees) {
        List<AgendaItem> items() {
            return agenda.stream().map(AgendaItemBody::toItem).toList();
        }

        List<Attendee> attendees() {
            return nonVotingAttendees == null ? List.of()
                    : nonVotingAttendees.stream().map(a -> new Attendee(a.personId(), a.name())).toList();
        }
    }

    /** Who delegated or designated a convener other than the principal (R-MEET-3). */
    record MandateBody(@NotBlank @Size(max = SHORT_TEXT) String grantedBy, @Size(max = SHORT_TEXT) String documentNo,
                       @NotNull LocalDate grantedOn) {
        ConvenerMandate toMandate() {
            return new ConvenerMandate(grantedBy, documentNo, grantedOn);
        }
    }

    record AgendaItemBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String itemId,
                          @NotBlank @Size(max = SHORT_TEXT) String title, @NotNull ItemCategory category,
                          Boolean macroPolicy,
                          @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String reconsidersDecisionId) {
        AgendaItem toItem() {
            return new AgendaItem(itemId, title, category, Boolean.TRUE.equals(macroPolicy), reconsidersDecisionId);
        }
    }

    record AttendeeBody(@NotBlank @Size(max = SHORT_TEXT) String personId, @NotBlank @Size(max = SHORT_TEXT) String name) {
    }

    record PreparationBody(@NotNull PreparationStep step, @NotNull LocalDate completedOn, @Size(max = LONG_TEXT) String note) {
    }

    record OpeningBody(@NotNull OffsetDateTime openedAt,
                       @NotNull @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> present,
                       @Size(max = LIST) List<@NotNull @Valid AbsenceBody> absent) {
        List<Absence> absences() {
            return absent == null ? List.of()
                    : absent.stream().map(a -> new Absence(a.memberId(), a.writtenOpinion())).toList();
        }
    }

    record AbsenceBody(@NotBlank @Size(max = SHORT_TEXT) String memberId, @Size(max = LONG_TEXT) String writtenOpinion) {
    }

    record RecusalBody(@NotBlank @Size(max = SHORT_TEXT) String memberId, @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record VotingBody(@NotNull VotingMethod method) {
    }

    /** {@code choice} is required except under a secret ballot, which records who voted and not how (R-MEET-9). */
    record VoteBody(@NotBlank @Size(max = SHORT_TEXT) String memberId, VoteChoice choice) {
    }

    /** {@code closedAt} defaults to the meeting's opening: the item was decided in the meeting. */
    record ClosingBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String decisionId,
                       @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> positionsOrder, Boolean defer,
                       @Size(max = LONG_TEXT) String reason,
                       @Valid BallotCountBody ballotCount, OffsetDateTime closedAt) {
        BallotCount count() {
            return ballotCount == null ? null
                    : new BallotCount(ballotCount.forVotes(), ballotCount.againstVotes(), ballotCount.abstentions());
        }
    }

    /** The tellers' count of a secret ballot (R-MEET-9). */
    record BallotCountBody(@NotNull @PositiveOrZero @Max(COUNT) Integer forVotes,
                           @NotNull @PositiveOrZero @Max(COUNT) Integer againstVotes,
                           @NotNull @PositiveOrZero @Max(COUNT) Integer abstentions) {
    }

    record MinutesBody(@NotBlank @Size(max = SHORT_TEXT) String recorderId, @NotBlank @Size(max = LONG_TEXT) String text) {
    }

    /**
     * {@code issuedAt}: when the summary was signed, if recorded later; defaults to now. {@code circulation}: the
     * circulation scope (传达范围) beyond the meeting's circle (R-MEET-15).
     */
    record IssueBody(@NotBlank @Size(max = SHORT_TEXT) String signedBy, OffsetDateTime issuedAt,
                     @Valid CirculationBody circulation) {
    }

    /** Readers with one of {@code roles} in one of {@code committees} may read the confidential content. */
    record CirculationBody(@Size(max = 4) List<@NotNull @Pattern(regexp = "ADMIN|COMMITTEE_OFFICE|ORGAN_OFFICE"
            + "|OVERSIGHT_VIEWER", message = "must be ADMIN, COMMITTEE_OFFICE, ORGAN_OFFICE or OVERSIGHT_VIEWER")
                           String> roles,
                           @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> committees) {
        CirculationScope scope() {
            return new CirculationScope(roles, committees);
        }
    }

    record AdjournBody(@NotNull OffsetDateTime at) {
    }

    /**
     * A report to the committee (R-DEC-1): {@code signingBasis} defaults to PRINCIPAL; a leader signing on a
     * delegation or designation gives the {@code mandate} (R-DOC-1).
     */
    record CommitteeReportBody(@NotNull LocalDate reportedOn, @NotBlank @Size(max = SHORT_TEXT) String documentNo,
                               @NotBlank @Size(max = SHORT_TEXT) String signedBy, ConvenerBasis signingBasis,
                               @Valid MandateBody mandate) {
    }

    record CommitteeReplyBody(@NotNull CommitteeReplyKind kind, @NotNull LocalDate repliedOn,
                              @Size(max = SHORT_TEXT) String documentNo, @Size(max = LONG_TEXT) String note) {
    }

    record TaskBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String taskId,
                    @NotBlank @Size(max = SHORT_TEXT) String owner, @NotNull @MayLieAhead LocalDate dueOn,
                    @NotBlank @Size(max = LONG_TEXT) String description) {
    }

    record FeedbackBody(@NotNull LocalDate reportedOn, @NotNull Boolean done, @Size(max = LONG_TEXT) String note) {
    }

    record RevocationBody(@NotBlank @Size(max = SHORT_TEXT) String committeeId, @NotNull RevocationAction action,
                          @NotBlank @Size(max = LONG_TEXT) String reason, @NotNull LocalDate on) {
    }

    record UrgentDecisionBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String decisionId,
                              @NotBlank @Size(max = SHORT_TEXT) String organId, @NotBlank @Size(max = SHORT_TEXT) String decidedBy,
                              @NotBlank @Size(max = SHORT_TEXT) String title, @NotNull ItemCategory category,
                              @NotNull LocalDate decidedOn, @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record UrgentReportBody(@NotBlank @Size(max = SHORT_TEXT) String meetingId) {
    }
}
