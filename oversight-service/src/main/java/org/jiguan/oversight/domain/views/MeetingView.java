package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A meeting at the end of a day, as known at an instant (R-MEET-1…11). {@code confidentialContentShown}: whether the
 * reader may read the minutes text, written opinions, recusal reasons and named votes (R-MEET-15); when not, those
 * are null here and the rest (the outcomes) is shown.
 */
public record MeetingView(String meetingId, String organId, String committeeId, String organName, LocalDate asOf,
                          Instant knownAt, String kind, Status status, String convenerId, String convenerBasis,
                          Instant scheduledAt, Instant noticeGivenAt, boolean emergency, String emergencyReason,
                          Instant openedAt, Instant adjournedAt, Attendance attendance, List<Item> agenda,
                          Minutes minutes, boolean confidentialContentShown) {

    public enum Status {
        /** Convened with its agenda, not yet opened. */
        CONVENED,
        /** Opened with a quorum (R-MEET-6). */
        OPEN,
        ADJOURNED
    }

    public enum ItemStatus {
        /** On the agenda, not put to the vote. */
        PENDING,
        VOTING,
        ADOPTED,
        REJECTED,
        /** Deferred by the chair (暂缓表决, R-MEET-10). */
        DEFERRED,
        /** Neither decided nor deferred when the meeting ended. */
        UNDECIDED
    }

    /**
     * @param votingMembers everyone who should attend (应到会成员): the leadership body on the meeting date
     * @param absent        absent members with their written opinions, which never count as votes (R-MEET-5)
     */
    public record Attendance(List<String> votingMembers, List<String> present, List<Absence> absent,
                             List<String> nonVotingAttendees) {
    }

    public record Absence(String memberId, String writtenOpinion) {
    }

    /** An agenda item with its outcome counts (R-MEET-8…10). */
    public record Item(String itemId, String title, String category, boolean macroPolicy, ItemStatus status,
                       List<String> preparation, List<String> recusals, int votesCast, Integer forVotes,
                       Integer againstVotes, Integer abstentions, Integer membersWhoShouldAttend, String method,
                       String decisionId, String deferReason, String reconsidersDecisionId,
                       List<Recusal> recusalReasons, List<Vote> votes) {
    }

    /** A recusal with its reason; the reason is confidential (R-MEET-7, R-MEET-15). */
    public record Recusal(String memberId, String reason) {
    }

    /** Who voted and, when the reader may see it and the ballot was open, how (R-MEET-9, R-MEET-15). */
    public record Vote(String memberId, String choice) {
    }

    public enum MinutesStatus {
        NONE, RECORDED, ISSUED
    }

    /**
     * @param text        the latest minutes text; confidential (R-MEET-15)
     * @param circulation the circulation scope (传达范围) of the issued minutes, or null
     */
    public record Minutes(MinutesStatus status, String recorderId, String signedBy, Instant issuedAt, String text,
                          Circulation circulation) {
    }

    /** Readers with one of the roles in one of the committees may read the confidential content (R-MEET-15). */
    public record Circulation(List<String> roles, List<String> committees) {
    }
}
