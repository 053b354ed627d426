package org.jiguan.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.meeting.domain.Facts.BEIJING;
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
import static org.jiguan.meeting.domain.Facts.ORGAN_NAME;
import static org.jiguan.meeting.domain.Facts.PRINCIPAL;
import static org.jiguan.meeting.domain.Facts.RECORDER;
import static org.jiguan.meeting.domain.Facts.SCHEDULED;
import static org.jiguan.meeting.domain.Facts.TODAY;
import static org.jiguan.meeting.domain.Facts.body;
import static org.jiguan.meeting.domain.Facts.bodyWithoutPrincipal;
import static org.jiguan.meeting.domain.Facts.convene;
import static org.jiguan.meeting.domain.Facts.convened;
import static org.jiguan.meeting.domain.Facts.item;
import static org.jiguan.meeting.domain.Facts.member;
import static org.jiguan.meeting.domain.Facts.open;
import static org.jiguan.meeting.domain.Facts.opened;
import static org.jiguan.meeting.domain.Facts.organ;
import static org.jiguan.meeting.domain.Facts.reconsidering;
import static org.jiguan.meeting.domain.Facts.violationOf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AddAgendaItem;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.AgendaItemAdded;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.ConveneMeeting;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.OpenMeeting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RecordPreparation;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Convening and opening a meeting: R-MEET-1…6 as they apply before any vote. */
class MeetingConveningTest {
    private static final ConvenerMandate DELEGATION = new ConvenerMandate(PRINCIPAL, null, LocalDate.of(2026, 3, 10));
    private static final ConvenerMandate DESIGNATION =
            new ConvenerMandate(COMMITTEE, "粤委〔2026〕5号", LocalDate.of(2026, 3, 10));

    private final FixtureConfiguration<Meeting> fixture = new AggregateTestFixture<>(Meeting.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    // --- R-MEET-1 kinds -------------------------------------------------------------------------------------

    @Test
    void R_MEET_1_meeting_without_a_kind_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(null, item("i1", ItemCategory.OTHER)))
                .expectException(violationOf("R-MEET-1"));
    }

    @Test
    void R_MEET_1_office_meeting_may_carry_an_affairs_matter_for_discussion() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.OFFICE, item("i1", ItemCategory.PERSONNEL),
                        item("i2", ItemCategory.IMPLEMENTATION)))
                .expectEvents(convened(MeetingKind.OFFICE, item("i1", ItemCategory.PERSONNEL),
                        item("i2", ItemCategory.IMPLEMENTATION)));
    }

    // --- R-MEET-2 agenda ------------------------------------------------------------------------------------

    @Test
    void R_MEET_2_convening_records_the_agenda_the_organ_and_the_body_on_the_scheduled_date() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS, item("i1", ItemCategory.MAJOR_PROJECT)))
                .expectEvents(new MeetingConvened(MEETING, ORGAN, COMMITTEE, ORGAN_NAME, MEETING_DATE,
                        MeetingKind.AFFAIRS, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, SCHEDULED, NOTICE, false, null,
                        RECORDER, List.of(item("i1", ItemCategory.MAJOR_PROJECT)), List.of(GUEST), body()));
    }

    @Test
    void R_MEET_2_empty_agenda_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS))
                .expectException(violationOf("R-MEET-2"));
    }

    @Test
    void R_MEET_2_item_without_a_category_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS, new AgendaItem("i1", "x", null, false, null)))
                .expectException(violationOf("R-MEET-2", "category"));
    }

    @Test
    void R_MEET_2_item_without_a_title_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS, new AgendaItem("i1", " ", ItemCategory.OTHER, false, null)))
                .expectException(violationOf("R-MEET-2", "title"));
    }

    @Test
    void R_MEET_2_item_id_twice_on_the_agenda_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER), item("i1", ItemCategory.LARGE_FUNDS)))
                .expectException(violationOf("R-MEET-2", "twice"));
    }

    @Test
    void R_MEET_2_the_four_of_sanzhong_yida_are_major_and_only_implementation_is_not_an_affairs_matter() {
        assertThat(List.of(ItemCategory.values()).stream().filter(ItemCategory::isMajor))
                .containsExactly(ItemCategory.MAJOR_DECISION, ItemCategory.PERSONNEL, ItemCategory.MAJOR_PROJECT,
                        ItemCategory.LARGE_FUNDS);
        assertThat(List.of(ItemCategory.values()).stream().filter(c -> !c.decidedByAffairsMeeting()))
                .containsExactly(ItemCategory.IMPLEMENTATION);
    }

    // --- R-MEET-3 convener and organ ---------------------------------------------------------------------------

    @Test
    void R_MEET_3_principal_convenes_in_their_own_right() {
        fixture.givenNoPriorActivity()
                .when(convene(PRINCIPAL, ConvenerBasis.PRINCIPAL, null, organ(MEETING_DATE)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(convened(MEETING, MeetingKind.AFFAIRS, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, false,
                        item("i1", ItemCategory.OTHER)));
    }

    @Test
    void R_MEET_3_a_mandate_for_the_principal_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(PRINCIPAL, ConvenerBasis.PRINCIPAL, DELEGATION, organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "own right"));
    }

    @Test
    void R_MEET_3_deputy_claiming_the_principal_basis_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.PRINCIPAL, null, organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "not the principal"));
    }

    @Test
    void R_MEET_3_deputy_delegated_by_the_principal_convenes_and_the_delegation_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL, DELEGATION, organ(MEETING_DATE)))
                .expectEvents(convened(MEETING, MeetingKind.AFFAIRS, "dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        DELEGATION, false, item("i1", ItemCategory.OTHER)));
    }

    @Test
    void R_MEET_3_delegation_from_someone_other_than_the_principal_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate("dep2", null, LocalDate.of(2026, 3, 10)), organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "from the principal"));
    }

    @Test
    void R_MEET_3_delegation_not_recorded_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL, null, organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3"));
    }

    @Test
    void R_MEET_3_nobody_delegates_while_the_principal_post_is_vacant() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL, DELEGATION,
                        organ(MEETING_DATE, bodyWithoutPrincipal())))
                .expectException(violationOf("R-MEET-3", "vacant"));
    }

    @Test
    void R_MEET_3_leader_designated_by_the_committee_convenes_while_the_principal_post_is_vacant() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DESIGNATED_BY_COMMITTEE, DESIGNATION,
                        organ(MEETING_DATE, bodyWithoutPrincipal())))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate(event ->
                        event instanceof MeetingConvened convened && convened.convenerId().equals("dep1")
                                && convened.convenerBasis() == ConvenerBasis.DESIGNATED_BY_COMMITTEE
                                && DESIGNATION.equals(convened.mandate())), andNoMore())));
    }

    @Test
    void R_MEET_3_designation_by_another_committee_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DESIGNATED_BY_COMMITTEE,
                        new ConvenerMandate("js", "苏委〔2026〕1号", LocalDate.of(2026, 3, 10)), organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "committee gd"));
    }

    @Test
    void R_MEET_3_designation_without_its_document_number_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene("dep1", ConvenerBasis.DESIGNATED_BY_COMMITTEE,
                        new ConvenerMandate(COMMITTEE, "", LocalDate.of(2026, 3, 10)), organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "document number"));
    }

    @Test
    void R_MEET_3_someone_not_on_the_body_on_the_scheduled_date_cannot_convene() {
        fixture.givenNoPriorActivity()
                .when(convene("guest", ConvenerBasis.DESIGNATED_BY_COMMITTEE, DESIGNATION, organ(MEETING_DATE)))
                .expectException(violationOf("R-MEET-3", "not on the leadership body"));
    }

    @Test
    void R_MEET_3_abolished_organ_cannot_hold_a_meeting() {
        OrganOnDate abolished = new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, MEETING_DATE, OrganStatus.ABOLISHED,
                List.of(), LocalDate.of(2020, 6, 1), LocalDate.of(2026, 1, 31));
        fixture.givenNoPriorActivity()
                .when(convene(PRINCIPAL, ConvenerBasis.PRINCIPAL, null, abolished))
                .expectException(violationOf("R-MEET-3", "abolished on 2026-01-31"));
    }

    @Test
    void R_MEET_3_organ_not_yet_established_cannot_hold_a_meeting() {
        OrganOnDate early = new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, MEETING_DATE,
                OrganStatus.NOT_YET_ESTABLISHED, List.of());
        fixture.givenNoPriorActivity()
                .when(convene(PRINCIPAL, ConvenerBasis.PRINCIPAL, null, early))
                .expectException(violationOf("R-MEET-3", "not yet established"));
    }

    @Test
    void R_MEET_3_organ_abolished_by_the_opening_date_cannot_open_the_meeting() {
        OrganOnDate abolished = new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, MEETING_DATE, OrganStatus.ABOLISHED,
                List.of(), null, MEETING_DATE);
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, abolished, OPENED, List.of(FIVE_PRESENT), Facts.absences(FIVE_PRESENT)))
                .expectException(violationOf("R-MEET-3", "abolished on 2026-03-14"));
    }

    @Test
    void organ_not_yet_known_to_meeting_service_is_a_conflict() {
        fixture.givenNoPriorActivity()
                .when(convene(PRINCIPAL, ConvenerBasis.PRINCIPAL, null, null))
                .expectException(Conflict.class);
    }

    // --- R-MEET-4 notice --------------------------------------------------------------------------------------

    @Test
    void R_MEET_4_notice_exactly_one_day_ahead_is_enough() {
        fixture.givenNoPriorActivity()
                .when(convene(SCHEDULED, SCHEDULED.minus(Duration.ofHours(24)), false, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_4_notice_less_than_one_day_ahead_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(SCHEDULED, SCHEDULED.minus(Duration.ofHours(23)), false, null))
                .expectException(violationOf("R-MEET-4", "less than 1 day"));
    }

    @Test
    void R_MEET_4_ordinary_meeting_without_notice_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(SCHEDULED, null, false, null))
                .expectException(violationOf("R-MEET-4"));
    }

    @Test
    void R_MEET_4_emergency_meeting_skips_the_notice_with_a_reason() {
        fixture.givenNoPriorActivity()
                .when(convene(SCHEDULED, null, true, "flood"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_4_emergency_meeting_without_a_reason_is_refused() {
        fixture.givenNoPriorActivity()
                .when(convene(SCHEDULED, null, true, " "))
                .expectException(violationOf("R-MEET-4", "reason"));
    }

    @Test
    void R_MEET_4_meeting_scheduled_ahead_with_notice_today_is_convened() {
        Instant nextWeek = NOW.plus(Duration.ofDays(7));
        fixture.givenNoPriorActivity()
                .when(convene(nextWeek, NOW, false, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_4_no_ad_hoc_item_in_an_ordinary_meeting() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT))
                .when(new AddAgendaItem(MEETING, item("i2", ItemCategory.OTHER)))
                .expectException(violationOf("R-MEET-4", "only an emergency meeting"));
    }

    @Test
    void R_MEET_4_emergency_meeting_raises_items_at_the_meeting() {
        fixture.given(convened(MEETING, MeetingKind.AFFAIRS, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, true,
                        item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT))
                .when(new AddAgendaItem(MEETING, item("i2", ItemCategory.LARGE_FUNDS)))
                .expectEvents(new AgendaItemAdded(MEETING, ORGAN, COMMITTEE, item("i2", ItemCategory.LARGE_FUNDS)));
    }

    @Test
    void R_MEET_4_opening_less_than_a_day_after_the_notice_is_refused() {
        Instant early = NOTICE.plus(Duration.ofHours(3));
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(LocalDate.ofInstant(early, BEIJING)), early,
                        List.of(FIVE_PRESENT), Facts.absences(FIVE_PRESENT)))
                .expectException(violationOf("R-MEET-4", "less than 1 day"));
    }

    @Test
    void R_MEET_4_item_not_on_the_agenda_is_not_found() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new RecordPreparation(MEETING, "i9", PreparationStep.INVESTIGATION, TODAY, "x"))
                .expectException(NotFound.class);
    }

    // --- R-MEET-5 attendance ----------------------------------------------------------------------------------

    @Test
    void R_MEET_5_opening_records_the_body_on_the_meeting_date_and_absentees_written_opinions() {
        List<Absence> absent = List.of(new Absence("m2", "I support item i1"), new Absence("m3", null));
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED, List.of(FIVE_PRESENT), absent))
                .expectEvents(new MeetingOpened(MEETING, ORGAN, COMMITTEE, OPENED, body(), List.of(FIVE_PRESENT),
                        absent));
    }

    @Test
    void R_MEET_5_voting_members_are_the_body_on_the_meeting_date_not_at_convening() {
        List<BodyMember> grown = new ArrayList<>(body());
        grown.add(member("m4", LeaderRole.MEMBER));
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE, grown), OPENED, List.of(FIVE_PRESENT),
                        Facts.absences(FIVE_PRESENT)))
                .expectException(violationOf("R-MEET-5", "m4"));
    }

    @Test
    void R_MEET_5_member_missing_from_the_attendance_is_refused() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED, List.of(FIVE_PRESENT),
                        List.of(new Absence("m2", null))))
                .expectException(violationOf("R-MEET-5", "missing: [m3]"));
    }

    @Test
    void R_MEET_5_someone_not_on_the_body_listed_present_is_refused() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED,
                        List.of("sec", "dep1", "dep2", "dg", "m1", "x9"), Facts.absences(FIVE_PRESENT)))
                .expectException(violationOf("R-MEET-5", "x9"));
    }

    @Test
    void R_MEET_5_member_both_present_and_absent_is_refused() {
        List<Absence> absent = new ArrayList<>(Facts.absences(FIVE_PRESENT));
        absent.add(new Absence("m1", "also away"));
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED, List.of(FIVE_PRESENT), absent))
                .expectException(violationOf("R-MEET-5", "twice"));
    }

    @Test
    void R_MEET_5_non_voting_attendee_is_never_listed_among_the_voting_members() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED,
                        List.of("sec", "dep1", "dep2", "dg", "m1", "guest"), Facts.absences(FIVE_PRESENT)))
                .expectException(violationOf("R-MEET-5", "without a vote"));
    }

    @Test
    void R_MEET_5_voting_member_cannot_be_invited_as_a_non_voting_attendee() {
        ConveneMeeting command = new ConveneMeeting(MEETING, organ(MEETING_DATE), MeetingKind.AFFAIRS, PRINCIPAL,
                ConvenerBasis.PRINCIPAL, null, SCHEDULED, NOTICE, false, null, RECORDER,
                List.of(item("i1", ItemCategory.OTHER)), List.of(new Attendee("m1", "Leader m1")));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(violationOf("R-MEET-5", "voting member"));
    }

    // --- R-MEET-6 quorum to open ------------------------------------------------------------------------------

    @Test
    void R_MEET_6_four_of_seven_present_is_more_than_half() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(open("sec", "dep1", "dep2", "dg"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_6_three_of_seven_present_is_refused() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(open("sec", "dep1", "dep2"))
                .expectException(violationOf("R-MEET-6", "3 of 7"));
    }

    @Test
    void R_MEET_6_exactly_half_is_not_more_than_half() {
        List<BodyMember> six = body().subList(0, 6);
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)))
                .when(new OpenMeeting(MEETING, organ(MEETING_DATE, six), OPENED, List.of("sec", "dep1", "dep2"),
                        List.of(new Absence("dg", null), new Absence("m1", null), new Absence("m2", null))))
                .expectException(violationOf("R-MEET-6", "3 of 6"));
    }

    @Test
    void opening_twice_is_a_conflict() {
        fixture.given(convened(MeetingKind.AFFAIRS, item("i1", ItemCategory.OTHER)), opened(FIVE_PRESENT))
                .when(open(FIVE_PRESENT))
                .expectException(Conflict.class);
    }

    // --- R-MEET-13 reconsideration belongs to the affairs meeting ----------------------------------------------

    @Test
    void R_MEET_13_office_meeting_cannot_reconsider_a_decision() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.OFFICE, reconsidering("i1", "dec-0")))
                .expectException(violationOf("R-MEET-13", "only an affairs meeting"));
    }

    @Test
    void R_MEET_13_affairs_meeting_puts_a_reconsideration_on_its_agenda() {
        fixture.givenNoPriorActivity()
                .when(convene(MeetingKind.AFFAIRS, reconsidering("i1", "dec-0")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_13_item_added_at_an_emergency_office_meeting_cannot_reconsider() {
        fixture.given(convened(MEETING, MeetingKind.OFFICE, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, true,
                        item("i1", ItemCategory.IMPLEMENTATION)))
                .when(new AddAgendaItem(MEETING, reconsidering("i2", "dec-0")))
                .expectException(violationOf("R-MEET-13"));
    }
}
