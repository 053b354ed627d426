package org.jiguan.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.meeting.domain.Facts.CLOCK;
import static org.jiguan.meeting.domain.Facts.COMMITTEE;
import static org.jiguan.meeting.domain.Facts.FIVE_PRESENT;
import static org.jiguan.meeting.domain.Facts.GUEST;
import static org.jiguan.meeting.domain.Facts.MEETING;
import static org.jiguan.meeting.domain.Facts.MEETING_DATE;
import static org.jiguan.meeting.domain.Facts.NOTICE;
import static org.jiguan.meeting.domain.Facts.NOW;
import static org.jiguan.meeting.domain.Facts.OPENED;
import static org.jiguan.meeting.domain.Facts.ORGAN;
import static org.jiguan.meeting.domain.Facts.PRINCIPAL;
import static org.jiguan.meeting.domain.Facts.RECORDER;
import static org.jiguan.meeting.domain.Facts.SCHEDULED;
import static org.jiguan.meeting.domain.Facts.TODAY;
import static org.jiguan.meeting.domain.Facts.body;
import static org.jiguan.meeting.domain.Facts.convened;
import static org.jiguan.meeting.domain.Facts.decisionTaken;
import static org.jiguan.meeting.domain.Facts.events;
import static org.jiguan.meeting.domain.Facts.item;
import static org.jiguan.meeting.domain.Facts.opened;
import static org.jiguan.meeting.domain.Facts.prepared;
import static org.jiguan.meeting.domain.Facts.reconsidering;
import static org.jiguan.meeting.domain.Facts.voted;
import static org.jiguan.meeting.domain.Facts.votedSecretly;
import static org.jiguan.meeting.domain.Facts.votingOpened;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.BallotCount;
import org.jiguan.meeting.api.CloseItem;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReconsidered;
import org.jiguan.meeting.api.DecisionRevokedByCommittee;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.ItemAdopted;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.ItemDeferred;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.ItemRejected;
import org.jiguan.meeting.api.MeetingAdjourned;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.OrganAffairsMeeting;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.ReportUrgentDecision;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.UrgentDecisionReported;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.Test;

/**
 * Outcomes and the acts spanning a meeting and decisions, through {@link MeetingDecisions} and Axon's real command
 * handling: R-MEET-10, the tellers' count of R-MEET-9, reconsideration (R-MEET-13) and reporting urgent decisions
 * (R-MEET-14).
 */
class MeetingDecisionsTest {
    private static final Instant DECIDED_AT = OPENED.plus(Duration.ofHours(1));
    private static final String DECISION = "dec-1";
    private static final List<String> CHAIR_LAST = List.of("m1", "dg", "dep2", "dep1", PRINCIPAL);

    private final MeetingDecisionsHarness harness = new MeetingDecisionsHarness(CLOCK);

    private static List<Object> voting(VotingMethod method, String... present) {
        return events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER), item("i2", ItemCategory.OTHER)),
                opened(present), votingOpened("i1", method));
    }

    private static List<Object> votes(Object... choices) {
        List<Object> votes = new java.util.ArrayList<>();
        for (int i = 0; i < choices.length; i += 2) {
            votes.add(voted("i1", (String) choices[i], (VoteChoice) choices[i + 1]));
        }
        return votes;
    }

    private static CloseItem close(List<String> positionsOrder) {
        return new CloseItem(MEETING, "i1", DECISION, positionsOrder, false, null, null, DECIDED_AT);
    }

    private static ItemAdopted adopted(int forVotes, int against, int abstentions, VotingMethod method,
                                       List<String> positions, String reconsiders) {
        return new ItemAdopted(MEETING, ORGAN, COMMITTEE, "i1", DECISION, "Item i1", ItemCategory.OTHER, forVotes,
                against, abstentions, 7, method, positions, DECIDED_AT, reconsiders);
    }

    private static ItemRejected rejected(int forVotes, int against, int abstentions) {
        return new ItemRejected(MEETING, ORGAN, COMMITTEE, "i1", "Item i1", ItemCategory.OTHER, forVotes, against,
                abstentions, 7, VotingMethod.SHOW_OF_HANDS, List.of(), DECIDED_AT);
    }

    private static DecisionTaken taken(String reconsiders) {
        return new DecisionTaken(DECISION, ORGAN, COMMITTEE, MEETING, "i1", "Item i1", ItemCategory.OTHER,
                MEETING_DATE, DecisionOrigin.MEETING, reconsiders);
    }

    // --- R-MEET-8 preparation dated on or before the vote ------------------------------------------------------

    /** A major item put to the vote on 2026-03-14 whose legality review is dated {@code reviewedOn}. */
    private static List<Object> majorItemVotedWithReviewOn(LocalDate reviewedOn) {
        return events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.MAJOR_PROJECT)),
                prepared("i1", PreparationStep.INVESTIGATION), prepared("i1", PreparationStep.CONSULTATION),
                prepared("i1", PreparationStep.EXPERT_EVALUATION),
                new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "i1", PreparationStep.LEGALITY_REVIEW,
                        reviewedOn, "合法性审查"),
                opened(FIVE_PRESENT), votingOpened("i1", VotingMethod.SHOW_OF_HANDS),
                votes("sec", VoteChoice.FOR, "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR, "dg", VoteChoice.FOR));
    }

    @Test
    void R_MEET_8_a_step_completed_after_the_vote_did_not_prepare_it() {
        harness.given(majorItemVotedWithReviewOn(MEETING_DATE.plusDays(1)))
                .when(close(null))
                .expectViolation("R-MEET-8");
    }

    @Test
    void R_MEET_8_a_step_completed_on_the_day_of_the_vote_prepared_it() {
        harness.given(majorItemVotedWithReviewOn(MEETING_DATE))
                .when(close(null));
        assertThat(harness.resultValue()).isEqualTo(DECISION);
    }

    // --- R-MEET-10 outcome: more than half of everyone who should attend ---------------------------------------

    @Test
    void R_MEET_10_seven_members_five_present_four_for_one_against_is_adopted_as_4_exceeds_3_5() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT),
                        votes("sec", VoteChoice.FOR, "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR,
                                "dg", VoteChoice.FOR, "m1", VoteChoice.AGAINST)))
                .when(close(CHAIR_LAST))
                .expectEvents(adopted(4, 1, 0, VotingMethod.SHOW_OF_HANDS, CHAIR_LAST, null), taken(null));
        assertThat(harness.resultValue()).isEqualTo(DECISION);
    }

    @Test
    void R_MEET_10_three_for_of_five_present_is_a_majority_of_those_present_but_rejected_as_3_does_not_exceed_3_5() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT),
                        votes("sec", VoteChoice.FOR, "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR,
                                "dg", VoteChoice.AGAINST, "m1", VoteChoice.ABSTAIN)))
                .when(close(null))
                .expectEvents(rejected(3, 1, 1));
        assertThat(harness.resultValue()).isNull();
    }

    @Test
    void R_MEET_10_absentees_written_opinions_in_favour_are_never_counted() {
        MeetingOpened withOpinions = new MeetingOpened(MEETING, ORGAN, COMMITTEE, OPENED, body(),
                List.of(FIVE_PRESENT), List.of(new Absence("m2", "赞成"), new Absence("m3", "赞成")));
        harness.given(events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), withOpinions,
                        votingOpened("i1", VotingMethod.SHOW_OF_HANDS),
                        votes("sec", VoteChoice.FOR, "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR,
                                "dg", VoteChoice.AGAINST, "m1", VoteChoice.AGAINST)))
                .when(close(null))
                .expectEvents(rejected(3, 2, 0));
    }

    @Test
    void R_MEET_10_recused_member_still_counts_among_those_who_should_attend() {
        harness.given(events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)),
                        opened("sec", "dep1", "dep2", "dg", "m1", "m2"),
                        new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "dep1", "interest"),
                        votingOpened("i1", VotingMethod.SHOW_OF_HANDS),
                        votes("sec", VoteChoice.FOR, "dep2", VoteChoice.FOR, "dg", VoteChoice.FOR,
                                "m1", VoteChoice.AGAINST, "m2", VoteChoice.AGAINST)))
                .when(close(null))
                .expectEvents(rejected(3, 2, 0));
    }

    @Test
    void R_MEET_10_item_never_put_to_the_vote_cannot_be_closed_with_an_outcome() {
        harness.given(events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT)))
                .when(close(null))
                .expectViolation("R-MEET-10", "never put to the vote");
    }

    @Test
    void R_MEET_10_chair_defers_an_item_on_a_fundamental_disagreement() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("m1", VoteChoice.AGAINST)))
                .when(new CloseItem(MEETING, "i1", null, null, true, "原则性分歧，进一步调研", null))
                .expectEvents(new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "原则性分歧，进一步调研"));
    }

    @Test
    void R_MEET_10_item_may_be_deferred_before_it_is_put_to_the_vote() {
        harness.given(events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT)))
                .when(new CloseItem(MEETING, "i1", null, null, true, "材料不全", null))
                .expectEvents(new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "材料不全"));
    }

    @Test
    void R_MEET_10_deferral_without_a_reason_is_refused() {
        harness.given(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT))
                .when(new CloseItem(MEETING, "i1", null, null, true, " ", null))
                .expectViolation("R-MEET-10", "reason");
    }

    @Test
    void R_MEET_10_chair_stating_a_position_before_others_is_refused() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR)))
                .when(close(List.of(PRINCIPAL, "m1", "dg", "dep2", "dep1")))
                .expectViolation("R-MEET-10", "states a position last");
    }

    @Test
    void R_MEET_10_positions_order_naming_an_absent_member_is_refused() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR)))
                .when(close(List.of("m2", PRINCIPAL)))
                .expectViolation("R-MEET-10", "m2");
    }

    @Test
    void R_MEET_10_positions_order_naming_a_member_twice_is_refused() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR)))
                .when(close(List.of("m1", "m1", PRINCIPAL)))
                .expectViolation("R-MEET-10", "twice");
    }

    @Test
    void R_MEET_10_decision_dated_before_the_meeting_opened_is_refused() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR)))
                .when(new CloseItem(MEETING, "i1", DECISION, null, false, null, null, OPENED.minusSeconds(60)))
                .expectViolation("R-MEET-10", "before the meeting opened");
    }

    @Test
    void R_MEET_10_decision_without_a_time_is_taken_in_the_meeting_and_gets_a_generated_id() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT),
                        votes("sec", VoteChoice.FOR, "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR,
                                "dg", VoteChoice.FOR)))
                .when(new CloseItem(MEETING, "i1", null, null, false, null, null));
        String decisionId = (String) harness.resultValue();
        assertThat(decisionId).isNotBlank();
        assertThat(harness.published()).hasSize(2).last().isEqualTo(new DecisionTaken(decisionId, ORGAN, COMMITTEE,
                MEETING, "i1", "Item i1", ItemCategory.OTHER, MEETING_DATE, DecisionOrigin.MEETING, null));
        assertThat(((ItemAdopted) harness.published().get(0)).decidedAt()).isEqualTo(OPENED);
    }

    @Test
    void closing_a_closed_item_or_in_an_ended_meeting_is_a_conflict_and_an_unknown_meeting_not_found() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT),
                        new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "x")))
                .when(close(null))
                .expectException(Conflict.class);
        harness.given(List.of(new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NOW, List.of("i2"))))
                .when(new CloseItem(MEETING, "i2", null, null, true, "x", null))
                .expectException(Conflict.class);
        harness.when(new CloseItem("nowhere", "i1", null, null, true, "x", null))
                .expectException(NotFound.class);
    }

    @Test
    void decision_id_already_in_use_is_a_conflict() {
        // Four FOR of seven: the item would be adopted, so the decision id really is needed.
        harness.given(events(decisionTaken(DECISION, LocalDate.of(2026, 2, 1)),
                        voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR,
                                "dep1", VoteChoice.FOR, "dep2", VoteChoice.FOR, "dg", VoteChoice.FOR)))
                .when(close(null))
                .expectException(Conflict.class);
    }

    // --- R-MEET-9 the tellers' count of a secret ballot ---------------------------------------------------------

    private static List<Object> secretBallotOfFive() {
        return events(voting(VotingMethod.SECRET_BALLOT, FIVE_PRESENT), votedSecretly("i1", "sec"),
                votedSecretly("i1", "dep1"), votedSecretly("i1", "dep2"), votedSecretly("i1", "dg"),
                votedSecretly("i1", "m1"));
    }

    @Test
    void R_MEET_9_secret_ballot_is_decided_on_the_tellers_count() {
        harness.given(secretBallotOfFive())
                .when(new CloseItem(MEETING, "i1", DECISION, null, false, null, new BallotCount(4, 0, 1),
                        DECIDED_AT))
                .expectEvents(adopted(4, 0, 1, VotingMethod.SECRET_BALLOT, List.of(), null), taken(null));
    }

    @Test
    void R_MEET_9_tellers_count_that_differs_from_the_ballots_cast_is_refused() {
        harness.given(secretBallotOfFive())
                .when(new CloseItem(MEETING, "i1", DECISION, null, false, null, new BallotCount(4, 1, 1),
                        DECIDED_AT))
                .expectViolation("R-MEET-9", "6 ballots but 5 members voted");
    }

    @Test
    void R_MEET_9_secret_ballot_closed_without_the_tellers_count_is_refused() {
        harness.given(secretBallotOfFive())
                .when(close(null))
                .expectViolation("R-MEET-9", "tellers' count");
    }

    @Test
    void R_MEET_9_tellers_count_for_an_open_vote_is_refused() {
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT), votes("sec", VoteChoice.FOR)))
                .when(new CloseItem(MEETING, "i1", DECISION, null, false, null, new BallotCount(1, 0, 0),
                        DECIDED_AT))
                .expectViolation("R-MEET-9", "only given for a secret ballot");
    }

    // --- R-MEET-13 reconsideration (复议) -------------------------------------------------------------------------

    private static List<Object> reconsideringMeeting(Object earlierDecisionEvents, String... forVoters) {
        List<Object> given = events(earlierDecisionEvents,
                convened(MeetingKind.AFFAIRS, reconsidering("i1", "dec-0")), opened(FIVE_PRESENT),
                votingOpened("i1", VotingMethod.SHOW_OF_HANDS));
        for (String voter : forVoters) {
            given.add(voted("i1", voter, VoteChoice.FOR));
        }
        return given;
    }

    private static final LocalDate EARLIER = LocalDate.of(2026, 2, 1);

    @Test
    void R_MEET_13_adopted_reconsideration_replaces_the_earlier_decision_in_one_unit_of_work() {
        harness.given(reconsideringMeeting(decisionTaken("dec-0", EARLIER), "sec", "dep1", "dep2", "dg"))
                .when(close(null))
                .expectEvents(new ItemAdopted(MEETING, ORGAN, COMMITTEE, "i1", DECISION, "Item i1",
                                ItemCategory.OTHER, 4, 0, 0, 7, VotingMethod.SHOW_OF_HANDS, List.of(), DECIDED_AT,
                                "dec-0"),
                        taken("dec-0"),
                        new DecisionReconsidered("dec-0", ORGAN, COMMITTEE, MEETING, "i1", DECISION, MEETING_DATE));
    }

    @Test
    void R_MEET_13_rejected_reconsideration_leaves_the_earlier_decision_in_force() {
        harness.given(reconsideringMeeting(decisionTaken("dec-0", EARLIER), "sec"))
                .when(close(null));
        assertThat(harness.published()).singleElement().isInstanceOf(ItemRejected.class);
    }

    @Test
    void R_MEET_13_decision_of_another_organ_cannot_be_reconsidered_and_nothing_is_stored() {
        harness.given(reconsideringMeeting(decisionTaken("dec-0", "other-org", "mtg-0", EARLIER),
                        "sec", "dep1", "dep2", "dg"))
                .when(close(null))
                .expectViolation("R-MEET-13", "its own organ's decisions");
    }

    @Test
    void R_MEET_13_revoked_decision_cannot_be_reconsidered() {
        harness.given(reconsideringMeeting(List.of(decisionTaken("dec-0", EARLIER),
                                new DecisionRevokedByCommittee("dec-0", ORGAN, COMMITTEE, RevocationAction.REVOKE,
                                        "improper", EARLIER.plusDays(5))),
                        "sec", "dep1", "dep2", "dg"))
                .when(close(null))
                .expectViolation("R-MEET-13", "no longer in force");
    }

    @Test
    void R_MEET_13_decision_taken_after_the_meeting_cannot_be_reconsidered_by_it() {
        harness.given(reconsideringMeeting(decisionTaken("dec-0", TODAY), "sec", "dep1", "dep2", "dg"))
                .when(close(null))
                .expectViolation("R-MEET-13", "not taken before");
    }

    @Test
    void R_MEET_13_reconsidering_an_unknown_decision_is_not_found() {
        harness.given(reconsideringMeeting(List.of(), "sec", "dep1", "dep2", "dg"))
                .when(close(null))
                .expectException(NotFound.class);
    }

    // --- R-MEET-14 reporting an urgent decision -------------------------------------------------------------------

    private static final LocalDate URGENT_ON = LocalDate.of(2026, 3, 10);

    private static UrgentDecisionTaken urgent(LocalDate decidedOn) {
        return new UrgentDecisionTaken("urg-1", ORGAN, COMMITTEE, PRINCIPAL, "抢险资金", ItemCategory.LARGE_FUNDS,
                decidedOn, "flood", DecisionOrigin.URGENT);
    }

    private static List<Object> affairsMeetingHeld() {
        return events(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT));
    }

    /** The organ's affairs meetings as meeting-service's list has them: {@link #MEETING}, opened at OPENED. */
    private static ReportUrgentDecision report(String decisionId, String meetingId) {
        return new ReportUrgentDecision(decisionId, meetingId, List.of(new OrganAffairsMeeting(MEETING, OPENED)));
    }

    /** A second affairs meeting of the organ, opened the day after {@link #MEETING}. */
    private static final Instant LATER_OPENED = OPENED.plus(Duration.ofDays(1));

    private static List<Object> laterAffairsMeetingHeld() {
        return List.of(new MeetingConvened("mtg-2", ORGAN, COMMITTEE, "组织部", MEETING_DATE.plusDays(1),
                        MeetingKind.AFFAIRS, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, LATER_OPENED, NOTICE, false,
                        null, RECORDER, List.of(item("i1", ItemCategory.OTHER)), List.of(GUEST), body()),
                new MeetingOpened("mtg-2", ORGAN, COMMITTEE, LATER_OPENED, body(), List.of(FIVE_PRESENT),
                        Facts.absences(FIVE_PRESENT)));
    }

    private static List<OrganAffairsMeeting> bothAffairsMeetings() {
        return List.of(new OrganAffairsMeeting("mtg-2", LATER_OPENED), new OrganAffairsMeeting(MEETING, OPENED));
    }

    @Test
    void R_MEET_14_a_later_affairs_meeting_does_not_take_the_report_due_at_the_next_one() {
        harness.given(events(urgent(URGENT_ON), affairsMeetingHeld(), laterAffairsMeetingHeld()))
                .when(new ReportUrgentDecision("urg-1", "mtg-2", bothAffairsMeetings()))
                .expectViolation("R-MEET-14", "next affairs meeting, " + MEETING);
        new MeetingDecisionsHarness(CLOCK)
                .given(events(urgent(URGENT_ON), affairsMeetingHeld(), laterAffairsMeetingHeld()))
                .when(new ReportUrgentDecision("urg-1", MEETING, bothAffairsMeetings()))
                .expectEvents(new UrgentDecisionReported("urg-1", ORGAN, COMMITTEE, MEETING, MEETING_DATE));
    }

    @Test
    void R_MEET_14_a_report_waits_while_the_organs_list_of_meetings_has_not_seen_the_meeting() {
        harness.given(events(urgent(URGENT_ON), affairsMeetingHeld()))
                .when(new ReportUrgentDecision("urg-1", MEETING, List.of()))
                .expectException(Conflict.class);
    }

    @Test
    void R_MEET_14_urgent_decision_is_reported_to_the_next_affairs_meeting() {
        harness.given(events(urgent(URGENT_ON), affairsMeetingHeld()))
                .when(report("urg-1", MEETING))
                .expectEvents(new UrgentDecisionReported("urg-1", ORGAN, COMMITTEE, MEETING, MEETING_DATE));
    }

    @Test
    void R_MEET_14_an_office_meeting_does_not_take_the_report() {
        harness.given(events(urgent(URGENT_ON), convened(MeetingKind.OFFICE, item("i1", ItemCategory.IMPLEMENTATION)),
                        opened(FIVE_PRESENT)))
                .when(report("urg-1", MEETING))
                .expectViolation("R-MEET-14", "affairs meeting");
    }

    @Test
    void R_MEET_14_meeting_of_another_organ_does_not_take_the_report() {
        MeetingConvened otherOrgan = new MeetingConvened("mtg-x", "other-org", COMMITTEE, "宣传部", MEETING_DATE,
                MeetingKind.AFFAIRS, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, SCHEDULED, NOTICE, false, null,
                RECORDER, List.of(item("i1", ItemCategory.OTHER)), List.of(GUEST), body());
        harness.given(events(urgent(URGENT_ON), otherOrgan))
                .when(report("urg-1", "mtg-x"))
                .expectViolation("R-MEET-14", "not a meeting of organ gd-org");
    }

    @Test
    void R_MEET_14_meeting_that_opened_before_the_decision_does_not_take_the_report() {
        harness.given(events(urgent(TODAY), affairsMeetingHeld()))
                .when(report("urg-1", MEETING))
                .expectViolation("R-MEET-14", "on or after 2026-03-15");
    }

    @Test
    void R_MEET_14_meeting_not_yet_opened_does_not_take_the_report() {
        harness.given(events(urgent(URGENT_ON), convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))))
                .when(report("urg-1", MEETING))
                .expectViolation("R-MEET-14", "did not open");
    }

    @Test
    void R_MEET_14_urgent_decision_is_reported_once() {
        harness.given(events(urgent(URGENT_ON), affairsMeetingHeld(),
                        new UrgentDecisionReported("urg-1", ORGAN, COMMITTEE, MEETING, MEETING_DATE)))
                .when(report("urg-1", MEETING))
                .expectViolation("R-MEET-14", "already reported");
    }

    @Test
    void R_MEET_14_a_meeting_decision_is_not_reported_as_urgent() {
        harness.given(events(decisionTaken("dec-0", EARLIER), affairsMeetingHeld()))
                .when(report("dec-0", MEETING))
                .expectViolation("R-MEET-14", "only urgent decisions");
    }

    @Test
    void R_MEET_14_reporting_to_an_unknown_meeting_or_an_unknown_decision_is_not_found() {
        harness.given(List.of(urgent(URGENT_ON)))
                .when(report("urg-1", "nowhere"))
                .expectException(NotFound.class);
        harness.given(events(voting(VotingMethod.SHOW_OF_HANDS, FIVE_PRESENT)))
                .when(report("nothing", MEETING))
                .expectException(NotFound.class);
    }
}
