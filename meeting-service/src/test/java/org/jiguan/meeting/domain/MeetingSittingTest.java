package org.jiguan.meeting.domain;

import static org.jiguan.meeting.domain.Facts.CLOCK;
import static org.jiguan.meeting.domain.Facts.COMMITTEE;
import static org.jiguan.meeting.domain.Facts.FIVE_PRESENT;
import static org.jiguan.meeting.domain.Facts.MEETING;
import static org.jiguan.meeting.domain.Facts.NOW;
import static org.jiguan.meeting.domain.Facts.OPENED;
import static org.jiguan.meeting.domain.Facts.ORGAN;
import static org.jiguan.meeting.domain.Facts.PRINCIPAL;
import static org.jiguan.meeting.domain.Facts.RECORDER;
import static org.jiguan.meeting.domain.Facts.TODAY;
import static org.jiguan.meeting.domain.Facts.convened;
import static org.jiguan.meeting.domain.Facts.events;
import static org.jiguan.meeting.domain.Facts.item;
import static org.jiguan.meeting.domain.Facts.macroItem;
import static org.jiguan.meeting.domain.Facts.opened;
import static org.jiguan.meeting.domain.Facts.prepared;
import static org.jiguan.meeting.domain.Facts.preparedForMajorItem;
import static org.jiguan.meeting.domain.Facts.violationOf;
import static org.jiguan.meeting.domain.Facts.voted;
import static org.jiguan.meeting.domain.Facts.votedSecretly;
import static org.jiguan.meeting.domain.Facts.votingOpened;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.meeting.api.AdjournMeeting;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.DeclareRecusal;
import org.jiguan.meeting.api.IssueMinutes;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.ItemDeferred;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.MeetingAdjourned;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesIssued;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.OpenVoting;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RecordMinutes;
import org.jiguan.meeting.api.RecordPreparation;
import org.jiguan.meeting.api.RecordVote;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A meeting in session: R-MEET-1 and R-MEET-6…9 at the vote, adjournment, and R-MEET-11 minutes. */
class MeetingSittingTest {
    private final FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    private static List<Object> affairsMeeting(ItemCategory category, String... present) {
        return events(convened(MeetingKind.AFFAIRS, item("i1", category), item("i2", ItemCategory.OTHER)),
                opened(present));
    }

    private static List<Object> votingOnOther(String... present) {
        return events(affairsMeeting(ItemCategory.OTHER, present), votingOpened("i1", VotingMethod.SHOW_OF_HANDS));
    }

    // --- R-MEET-1 the office meeting does not decide affairs matters ------------------------------------------

    @Test
    void R_MEET_1_office_meeting_votes_on_implementation() {
        fixture.given(convened(MeetingKind.OFFICE, item("i1", ItemCategory.IMPLEMENTATION)), opened(FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SHOW_OF_HANDS))
                .expectEvents(votingOpened("i1", VotingMethod.SHOW_OF_HANDS));
    }

    @Test
    void R_MEET_1_office_meeting_voting_on_policy_measures_is_refused() {
        fixture.given(convened(MeetingKind.OFFICE, item("i1", ItemCategory.POLICY_MEASURES)), opened(FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SHOW_OF_HANDS))
                .expectException(violationOf("R-MEET-1", "matter for the affairs meeting"));
    }

    @Test
    void R_MEET_1_office_meeting_voting_on_discipline_is_refused() {
        fixture.given(convened(MeetingKind.OFFICE, item("i1", ItemCategory.DISCIPLINE)), opened(FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SECRET_BALLOT))
                .expectException(violationOf("R-MEET-1"));
    }

    @Test
    void R_MEET_1_affairs_meeting_may_vote_on_implementation_too() {
        fixture.given(affairsMeeting(ItemCategory.IMPLEMENTATION, FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ORAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(votingOpened("i1", VotingMethod.ORAL));
    }

    // --- R-MEET-6 two thirds for personnel and discipline -------------------------------------------------------

    @Test
    void R_MEET_6_personnel_item_with_five_of_seven_present_goes_to_the_vote() {
        fixture.given(events(affairsMeeting(ItemCategory.PERSONNEL, FIVE_PRESENT), preparedForMajorItem("i1")))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SECRET_BALLOT))
                .expectEvents(votingOpened("i1", VotingMethod.SECRET_BALLOT));
    }

    @Test
    void R_MEET_6_personnel_item_with_four_of_seven_present_is_refused() {
        fixture.given(events(affairsMeeting(ItemCategory.PERSONNEL, "sec", "dep1", "dep2", "dg"),
                        preparedForMajorItem("i1")))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SECRET_BALLOT))
                .expectException(violationOf("R-MEET-6", "two thirds"));
    }

    @Test
    void R_MEET_6_a_recusal_that_leaves_four_of_seven_refuses_a_personnel_vote() {
        fixture.given(events(affairsMeeting(ItemCategory.PERSONNEL, FIVE_PRESENT), preparedForMajorItem("i1"),
                        new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "m1", "the candidate is a relative")))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SECRET_BALLOT))
                .expectException(violationOf("R-MEET-6", "there are 4"));
    }

    @Test
    void R_MEET_6_discipline_item_with_four_of_seven_present_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.DISCIPLINE, "sec", "dep1", "dep2", "dg"))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SHOW_OF_HANDS))
                .expectException(violationOf("R-MEET-6"));
    }

    @Test
    void R_MEET_6_ordinary_item_needs_only_the_quorum_to_open() {
        fixture.given(affairsMeeting(ItemCategory.PARTY_BUILDING, "sec", "dep1", "dep2", "dg"))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.SHOW_OF_HANDS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(votingOpened("i1", VotingMethod.SHOW_OF_HANDS));
    }

    // --- R-MEET-7 recusal ---------------------------------------------------------------------------------------

    @Test
    void R_MEET_7_voting_member_recuses_from_an_item() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "spouse's company bids"))
                .expectEvents(new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "dep1", "spouse's company bids"));
    }

    @Test
    void R_MEET_7_recused_member_cannot_vote_on_the_item() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "dep1", "interest"),
                        votingOpened("i1", VotingMethod.SHOW_OF_HANDS)))
                .when(new RecordVote(MEETING, "i1", "dep1", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-7", "recused"));
    }

    @Test
    void R_MEET_7_recused_member_still_votes_on_other_items() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "dep1", "interest"),
                        votingOpened("i2", VotingMethod.SHOW_OF_HANDS)))
                .when(new RecordVote(MEETING, "i2", "dep1", VoteChoice.FOR))
                .expectEvents(voted("i2", "dep1", VoteChoice.FOR));
    }

    @Test
    void R_MEET_7_recusal_after_voting_on_the_item_is_refused() {
        fixture.given(events(votingOnOther(FIVE_PRESENT), voted("i1", "dep1", VoteChoice.FOR)))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "interest"))
                .expectException(violationOf("R-MEET-7", "already voted"));
    }

    @Test
    void R_MEET_7_recusal_once_the_item_is_put_to_the_vote_is_refused() {
        // Otherwise a personnel item could be decided by fewer than the two thirds judged when voting opened.
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        votingOpened("i1", VotingMethod.SECRET_BALLOT)))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "interest"))
                .expectException(violationOf("R-MEET-7", "being voted"));
    }

    @Test
    void R_MEET_7_recusal_after_the_item_closed_is_refused() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "needs study")))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "interest"))
                .expectException(violationOf("R-MEET-7", "closed"));
    }

    @Test
    void R_MEET_7_only_a_voting_member_recuses() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new DeclareRecusal(MEETING, "i1", "guest", "interest"))
                .expectException(violationOf("R-MEET-7", "not a voting member"));
    }

    @Test
    void R_MEET_7_recusal_without_a_reason_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", ""))
                .expectException(violationOf("R-MEET-7", "reason"));
    }

    @Test
    void recusing_twice_is_a_conflict_and_recusing_before_the_meeting_opens_too() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MemberRecused(MEETING, ORGAN, COMMITTEE, "i1", "dep1", "interest")))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "again"))
                .expectException(Conflict.class);
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new DeclareRecusal(MEETING, "i1", "dep1", "interest"))
                .expectException(Conflict.class);
    }

    // --- R-MEET-8 preparation of major items --------------------------------------------------------------------

    @Test
    void R_MEET_8_preparation_step_is_recorded() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.LARGE_FUNDS)))
                .when(new RecordPreparation(MEETING, "i1", PreparationStep.LEGALITY_REVIEW, TODAY, "法制审核意见"))
                .expectEvents(new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "i1",
                        PreparationStep.LEGALITY_REVIEW, TODAY, "法制审核意见"));
    }

    @Test
    void R_MEET_8_fully_prepared_major_item_goes_to_the_vote() {
        fixture.given(events(affairsMeeting(ItemCategory.MAJOR_PROJECT, FIVE_PRESENT), preparedForMajorItem("i1")))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ROLL_CALL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(votingOpened("i1", VotingMethod.ROLL_CALL));
    }

    @Test
    void R_MEET_8_major_item_without_its_preparation_is_refused_naming_the_missing_steps() {
        fixture.given(events(affairsMeeting(ItemCategory.LARGE_FUNDS, FIVE_PRESENT),
                        prepared("i1", PreparationStep.INVESTIGATION), prepared("i1", PreparationStep.CONSULTATION)))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ROLL_CALL))
                .expectException(violationOf("R-MEET-8", "[EXPERT_EVALUATION, LEGALITY_REVIEW]"));
    }

    @Test
    void R_MEET_8_macro_policy_item_also_needs_the_macro_policy_assessment() {
        fixture.given(events(convened(MeetingKind.AFFAIRS, macroItem("i1", ItemCategory.MAJOR_DECISION)),
                        opened(FIVE_PRESENT), preparedForMajorItem("i1")))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ROLL_CALL))
                .expectException(violationOf("R-MEET-8", "[MACRO_POLICY_ASSESSMENT]"));
    }

    @Test
    void R_MEET_8_macro_policy_item_with_every_step_goes_to_the_vote() {
        fixture.given(events(convened(MeetingKind.AFFAIRS, macroItem("i1", ItemCategory.MAJOR_DECISION)),
                        opened(FIVE_PRESENT), preparedForMajorItem("i1"),
                        prepared("i1", PreparationStep.MACRO_POLICY_ASSESSMENT)))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ROLL_CALL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(votingOpened("i1", VotingMethod.ROLL_CALL));
    }

    @Test
    void R_MEET_8_item_that_is_not_major_needs_no_preparation() {
        fixture.given(affairsMeeting(ItemCategory.REPORT_TO_COMMITTEE, FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ORAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(votingOpened("i1", VotingMethod.ORAL));
    }

    // --- R-MEET-9 voting ----------------------------------------------------------------------------------------

    @Test
    void R_MEET_9_present_member_votes_and_the_method_is_recorded() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "m1", VoteChoice.AGAINST))
                .expectEvents(new VoteRecorded(MEETING, ORGAN, COMMITTEE, "i1", "m1", VoteChoice.AGAINST,
                        VotingMethod.SHOW_OF_HANDS));
    }

    @Test
    void R_MEET_9_vote_before_the_item_is_put_to_the_vote_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "m1", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-9", "not open for voting"));
    }

    @Test
    void R_MEET_9_vote_before_the_meeting_opens_is_refused() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new RecordVote(MEETING, "i1", "m1", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-9"));
    }

    @Test
    void R_MEET_9_member_votes_at_most_once_per_item() {
        fixture.given(events(votingOnOther(FIVE_PRESENT), voted("i1", "m1", VoteChoice.FOR)))
                .when(new RecordVote(MEETING, "i1", "m1", VoteChoice.AGAINST))
                .expectException(violationOf("R-MEET-9", "already voted"));
    }

    @Test
    void R_MEET_9_absent_member_cannot_vote_there_are_no_proxies() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "m2", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-9", "never by proxy"));
    }

    @Test
    void R_MEET_9_someone_outside_the_body_cannot_vote() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "x9", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-9", "not a voting member"));
    }

    @Test
    void R_MEET_5_non_voting_attendee_cannot_vote() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "guest", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-5", "cannot vote"));
    }

    @Test
    void R_MEET_9_items_are_voted_one_at_a_time() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i2", VotingMethod.SHOW_OF_HANDS))
                .expectException(violationOf("R-MEET-9", "voted separately"));
    }

    @Test
    void R_MEET_9_next_item_goes_to_the_vote_once_the_previous_one_closed() {
        fixture.given(events(votingOnOther(FIVE_PRESENT), new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "x")))
                .when(new OpenVoting(MEETING, "i2", VotingMethod.SHOW_OF_HANDS))
                .expectEvents(votingOpened("i2", VotingMethod.SHOW_OF_HANDS));
    }

    @Test
    void R_MEET_9_voting_without_a_method_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", null))
                .expectException(violationOf("R-MEET-9", "method"));
    }

    @Test
    void R_MEET_9_secret_ballot_records_who_voted_but_not_how() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        votingOpened("i1", VotingMethod.SECRET_BALLOT)))
                .when(new RecordVote(MEETING, "i1", "m1", null))
                .expectEvents(votedSecretly("i1", "m1"));
    }

    @Test
    void R_MEET_9_secret_ballot_given_a_choice_is_refused() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        votingOpened("i1", VotingMethod.SECRET_BALLOT)))
                .when(new RecordVote(MEETING, "i1", "m1", VoteChoice.FOR))
                .expectException(violationOf("R-MEET-9", "records who voted, not how"));
    }

    @Test
    void R_MEET_9_open_vote_without_a_choice_is_refused() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i1", "m1", null))
                .expectException(violationOf("R-MEET-9", "choice"));
    }

    @Test
    void item_not_on_the_agenda_is_not_found_and_voting_twice_on_an_item_is_a_conflict() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new RecordVote(MEETING, "i9", "m1", VoteChoice.FOR))
                .expectException(NotFound.class);
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new OpenVoting(MEETING, "i1", VotingMethod.ORAL))
                .expectException(Conflict.class);
    }

    // --- adjournment ----------------------------------------------------------------------------------------

    @Test
    void R_MEET_10_meeting_cannot_end_while_an_item_is_being_voted() {
        fixture.given(votingOnOther(FIVE_PRESENT))
                .when(new AdjournMeeting(MEETING, NOW))
                .expectException(violationOf("R-MEET-10", "close or defer"));
    }

    @Test
    void adjournment_names_the_items_left_undecided() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "x")))
                .when(new AdjournMeeting(MEETING, NOW))
                .expectEvents(new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NOW, List.of("i2")));
    }

    @Test
    void R_MEET_4_adjournment_before_the_opening_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new AdjournMeeting(MEETING, OPENED.minus(Duration.ofMinutes(1))))
                .expectException(violationOf("R-MEET-4", "before it opened"));
    }

    @Test
    void after_adjournment_no_votes_recusals_voting_or_second_adjournment() {
        List<Object> ended = events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NOW, List.of("i1", "i2")));
        fixture.given(ended).when(new RecordVote(MEETING, "i1", "m1", VoteChoice.FOR))
                .expectException(Conflict.class);
        fixture.given(ended).when(new DeclareRecusal(MEETING, "i1", "m1", "x"))
                .expectException(Conflict.class);
        fixture.given(ended).when(new OpenVoting(MEETING, "i1", VotingMethod.ORAL))
                .expectException(Conflict.class);
        fixture.given(ended).when(new AdjournMeeting(MEETING, NOW))
                .expectException(Conflict.class);
    }

    // --- R-MEET-11 minutes --------------------------------------------------------------------------------------

    private static final String TEXT = "会议审议通过了i1，i2暂缓表决。";

    private static List<Object> everyItemClosed(MeetingConvened convened) {
        return events(convened, opened(FIVE_PRESENT), new ItemDeferred(MEETING, ORGAN, COMMITTEE, "i1", "x"),
                new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, TEXT));
    }

    @Test
    void R_MEET_11_designated_recorder_records_the_minutes() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new RecordMinutes(MEETING, RECORDER, TEXT))
                .expectEvents(new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, TEXT));
    }

    @Test
    void R_MEET_11_minutes_may_be_revised_until_issued() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, "draft")))
                .when(new RecordMinutes(MEETING, RECORDER, TEXT))
                .expectEvents(new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, TEXT));
    }

    @Test
    void R_MEET_11_someone_other_than_the_recorder_is_refused() {
        fixture.given(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT))
                .when(new RecordMinutes(MEETING, "dep1", TEXT))
                .expectException(violationOf("R-MEET-11", "designated recorder"));
    }

    @Test
    void R_MEET_11_minutes_before_the_meeting_opens_are_refused() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new RecordMinutes(MEETING, RECORDER, TEXT))
                .expectException(violationOf("R-MEET-11", "opened"));
    }

    @Test
    void R_MEET_11_principal_issues_the_minutes_once_every_item_is_closed() {
        fixture.given(everyItemClosed(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))))
                .when(new IssueMinutes(MEETING, PRINCIPAL))
                .expectEvents(new MinutesIssued(MEETING, ORGAN, COMMITTEE, PRINCIPAL, NOW));
    }

    @Test
    void R_MEET_11_minutes_recorded_later_keep_the_time_they_were_signed() {
        Instant signed = OPENED.plusSeconds(3 * 3600);
        fixture.given(everyItemClosed(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))))
                .when(new IssueMinutes(MEETING, PRINCIPAL, signed))
                .expectEvents(new MinutesIssued(MEETING, ORGAN, COMMITTEE, PRINCIPAL, signed));
    }

    @Test
    void R_MEET_11_minutes_signed_before_the_meeting_opened_are_refused() {
        fixture.given(everyItemClosed(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))))
                .when(new IssueMinutes(MEETING, PRINCIPAL, OPENED.minusSeconds(60)))
                .expectException(violationOf("R-MEET-11", "before the meeting opened"));
    }

    @Test
    void R_MEET_11_minutes_of_a_meeting_still_deciding_are_refused() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, TEXT)))
                .when(new IssueMinutes(MEETING, PRINCIPAL))
                .expectException(violationOf("R-MEET-11", "every item is closed"));
    }

    @Test
    void R_MEET_11_minutes_of_an_ended_meeting_are_issued_with_items_left_undecided() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MinutesRecorded(MEETING, ORGAN, COMMITTEE, RECORDER, TEXT),
                        new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NOW, List.of("i1", "i2"))))
                .when(new IssueMinutes(MEETING, PRINCIPAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MinutesIssued(MEETING, ORGAN, COMMITTEE, PRINCIPAL, NOW));
    }

    @Test
    void R_MEET_11_deputy_chairing_on_the_principals_delegation_signs() {
        ConvenerMandate delegation = new ConvenerMandate(PRINCIPAL, null, LocalDate.of(2026, 3, 10));
        fixture.given(everyItemClosed(convened(MEETING, MeetingKind.AFFAIRS, "dep1",
                        ConvenerBasis.DELEGATED_BY_PRINCIPAL, delegation, false, item("i1", ItemCategory.OTHER))))
                .when(new IssueMinutes(MEETING, "dep1"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new MinutesIssued(MEETING, ORGAN, COMMITTEE, "dep1", NOW));
    }

    @Test
    void R_MEET_11_deputy_without_delegation_cannot_sign() {
        fixture.given(everyItemClosed(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))))
                .when(new IssueMinutes(MEETING, "dep1"))
                .expectException(violationOf("R-MEET-11", "signed by [sec]"));
    }

    @Test
    void R_MEET_11_nothing_recorded_cannot_be_issued() {
        fixture.given(events(affairsMeeting(ItemCategory.OTHER, FIVE_PRESENT),
                        new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NOW, List.of("i1", "i2"))))
                .when(new IssueMinutes(MEETING, PRINCIPAL))
                .expectException(violationOf("R-MEET-11", "no minutes"));
    }

    @Test
    void R_MEET_11_issued_minutes_are_immutable() {
        List<Object> issued = events(everyItemClosed(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER))),
                new MinutesIssued(MEETING, ORGAN, COMMITTEE, PRINCIPAL, NOW));
        fixture.given(issued).when(new RecordMinutes(MEETING, RECORDER, "changed"))
                .expectException(violationOf("R-MEET-11", "cannot change"));
        fixture.given(issued).when(new IssueMinutes(MEETING, PRINCIPAL))
                .expectException(violationOf("R-MEET-11", "cannot change"));
    }
}
