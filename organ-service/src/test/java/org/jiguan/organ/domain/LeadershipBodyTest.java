package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CENTRAL;
import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ESTABLISHED;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.appointed;
import static org.jiguan.organ.domain.Facts.centralOrganCreated;
import static org.jiguan.organ.domain.Facts.organCreated;
import static org.jiguan.organ.domain.Facts.partyCentreApproval;
import static org.jiguan.organ.domain.Facts.upperApproval;
import static org.jiguan.organ.domain.Facts.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.AppointLeader;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.ChangeOrgan;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.RemoveLeader;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leadership body (领导班子): section 3 of DOMAIN.md. The organ has 3 leadership posts unless said. */
class LeadershipBodyTest {
    private static final LocalDate SINCE = LocalDate.of(2025, 1, 1);

    private final FixtureConfiguration<Organ> fixture = new AggregateTestFixture<>(Organ.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    // --- R-LEAD-1 roles ------------------------------------------------------------------------------------

    @Test
    void R_LEAD_1_member_appointed_in_a_role_joins_the_body() {
        fixture.given(organCreated())
                .when(appoint("m1", LeaderRole.DISCIPLINE_GROUP_LEADER))
                .expectEvents(appointed("m1", LeaderRole.DISCIPLINE_GROUP_LEADER, SINCE));
    }

    @Test
    void R_LEAD_1_appointment_before_the_organ_was_established_is_refused() {
        fixture.given(organCreated())
                .when(new AppointLeader(ORGAN, "m1", "张三", LeaderRole.DEPUTY, ESTABLISHED.minusDays(1), false, null))
                .expectException(violationOf("R-LEAD-1"));
    }

    @Test
    void R_LEAD_1_appointment_without_a_role_is_refused() {
        fixture.given(organCreated())
                .when(appoint("m1", null))
                .expectException(violationOf("R-LEAD-1"));
    }

    @Test
    void R_LEAD_1_member_leaves_no_earlier_than_joining_and_the_removal_names_the_role() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE))
                .when(new RemoveLeader(ORGAN, "m1", SINCE.minusDays(1), "retired"))
                .expectException(violationOf("R-LEAD-1"));
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE))
                .when(new RemoveLeader(ORGAN, "m1", TODAY, "retired"))
                .expectEvents(new LeaderRemoved(ORGAN, PROVINCE, "m1", "Leader m1", LeaderRole.DEPUTY, TODAY,
                        "retired"));
    }

    @Test
    void member_already_serving_is_a_conflict_and_removing_a_stranger_is_not_found() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE))
                .when(appoint("m1", LeaderRole.MEMBER))
                .expectException(Conflict.class);
        fixture.given(organCreated())
                .when(new RemoveLeader(ORGAN, "m9", TODAY, "x"))
                .expectException(NotFound.class);
    }

    // --- R-LEAD-2 posts within the approved number ---------------------------------------------------------

    @Test
    void R_LEAD_2_last_approved_post_can_be_filled() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE), appointed("m2", LeaderRole.DEPUTY, SINCE))
                .when(appoint("m3", LeaderRole.DISCIPLINE_GROUP_LEADER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_LEAD_2_every_role_holds_a_post_so_a_fourth_member_exceeds_three_posts() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE),
                        appointed("m2", LeaderRole.DEPUTY, SINCE),
                        appointed("m3", LeaderRole.DISCIPLINE_GROUP_LEADER, SINCE))
                .when(appoint("m4", LeaderRole.MEMBER))
                .expectException(violationOf("R-LEAD-2"));
    }

    @Test
    void R_LEAD_2_a_removed_member_frees_the_post() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE),
                        appointed("m2", LeaderRole.DEPUTY, SINCE), appointed("m3", LeaderRole.MEMBER, SINCE),
                        new LeaderRemoved(ORGAN, PROVINCE, "m3", "Leader m3", LeaderRole.MEMBER, TODAY, "x"))
                .when(appointFrom("m4", LeaderRole.MEMBER, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_LEAD_2_leadership_quota_cannot_be_cut_below_the_serving_members() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE),
                        appointed("m2", LeaderRole.DEPUTY, SINCE))
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), null, null, 1))
                .expectException(violationOf("R-LEAD-2"));
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, SINCE),
                        appointed("m2", LeaderRole.DEPUTY, SINCE))
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), null, null, 2))
                .expectEvents(new OrganChanged(ORGAN, PROVINCE, TODAY, upperApproval(), "组织部 " + ORGAN, 10, 2));
    }

    // Judged on the act's date against the posts filled then (DOMAIN.md, "Judged on the act's date"): a leader
    // removed on 2025-06-30 still held a post on every day before it.
    private static final LocalDate JAN_2024 = LocalDate.of(2024, 1, 1);
    private static final LocalDate END_OF_JUNE_2025 = LocalDate.of(2025, 6, 30);

    @Test
    void R_LEAD_2_appointment_from_a_date_the_only_post_was_still_filled_is_refused() {
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 10, 1),
                        appointed("a", LeaderRole.DEPUTY, JAN_2024), removed("a", LeaderRole.DEPUTY, END_OF_JUNE_2025))
                .when(appointFrom("b", LeaderRole.DEPUTY, SINCE))
                .expectException(violationOf("R-LEAD-2"));
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 10, 1),
                        appointed("a", LeaderRole.DEPUTY, JAN_2024), removed("a", LeaderRole.DEPUTY, END_OF_JUNE_2025))
                .when(appointFrom("b", LeaderRole.DEPUTY, END_OF_JUNE_2025))
                .expectEvents(appointed("b", LeaderRole.DEPUTY, END_OF_JUNE_2025));
    }

    @Test
    void R_LEAD_2_posts_are_held_against_the_number_approved_on_each_date() {
        // One post until 2025-01-01, two from then on.
        OrganChanged twoPosts = new OrganChanged(ORGAN, PROVINCE, SINCE, upperApproval(), "组织部 " + ORGAN, 10, 2);
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 10, 1),
                        appointed("a", LeaderRole.DEPUTY, JAN_2024), twoPosts)
                .when(appointFrom("b", LeaderRole.DEPUTY, LocalDate.of(2024, 6, 1)))
                .expectException(violationOf("R-LEAD-2"));
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 10, 1),
                        appointed("a", LeaderRole.DEPUTY, JAN_2024), twoPosts)
                .when(appointFrom("b", LeaderRole.DEPUTY, SINCE))
                .expectEvents(appointed("b", LeaderRole.DEPUTY, SINCE));
    }

    @Test
    void R_LEAD_2_leadership_quota_cut_from_a_date_more_members_served_is_refused() {
        fixture.given(organCreated(), appointed("a", LeaderRole.DEPUTY, JAN_2024),
                        appointed("b", LeaderRole.DEPUTY, JAN_2024), removed("b", LeaderRole.DEPUTY, END_OF_JUNE_2025))
                .when(new ChangeOrgan(ORGAN, SINCE, upperApproval(), null, null, 1))
                .expectException(violationOf("R-LEAD-2"));
        fixture.given(organCreated(), appointed("a", LeaderRole.DEPUTY, JAN_2024),
                        appointed("b", LeaderRole.DEPUTY, JAN_2024), removed("b", LeaderRole.DEPUTY, END_OF_JUNE_2025))
                .when(new ChangeOrgan(ORGAN, END_OF_JUNE_2025, upperApproval(), null, null, 1))
                .expectEvents(new OrganChanged(ORGAN, PROVINCE, END_OF_JUNE_2025, upperApproval(), "组织部 " + ORGAN,
                        10, 1));
    }

    // --- R-LEAD-3 one principal ------------------------------------------------------------------------------

    @Test
    void R_LEAD_3_principal_fills_a_vacant_post() {
        fixture.given(organCreated())
                .when(appoint("p1", LeaderRole.PRINCIPAL))
                .expectEvents(appointed("p1", LeaderRole.PRINCIPAL, SINCE));
    }

    @Test
    void R_LEAD_3_second_principal_is_refused() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE))
                .when(appoint("p2", LeaderRole.PRINCIPAL))
                .expectException(violationOf("R-LEAD-3"));
    }

    @Test
    void R_LEAD_3_successor_follows_the_removed_principal() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE),
                        new LeaderRemoved(ORGAN, PROVINCE, "p1", "Leader p1", LeaderRole.PRINCIPAL, TODAY, "x"))
                .when(appointFrom("p2", LeaderRole.PRINCIPAL, TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_LEAD_3_second_principal_from_a_date_the_recorded_one_still_served_is_refused() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, JAN_2024),
                        removed("p1", LeaderRole.PRINCIPAL, END_OF_JUNE_2025))
                .when(appointFrom("p2", LeaderRole.PRINCIPAL, SINCE))
                .expectException(violationOf("R-LEAD-3"));
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, JAN_2024),
                        removed("p1", LeaderRole.PRINCIPAL, END_OF_JUNE_2025))
                .when(appointFrom("p2", LeaderRole.PRINCIPAL, END_OF_JUNE_2025))
                .expectEvents(appointed("p2", LeaderRole.PRINCIPAL, END_OF_JUNE_2025));
    }

    // --- R-LEAD-4 executive deputy ---------------------------------------------------------------------------

    @Test
    void R_LEAD_4_executive_deputy_serves_a_principal_holding_the_post_concurrently() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE, true))
                .when(appoint("e1", LeaderRole.EXECUTIVE_DEPUTY))
                .expectEvents(appointed("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE));
    }

    @Test
    void R_LEAD_4_executive_deputy_under_a_full_time_principal_is_refused() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE, false))
                .when(appoint("e1", LeaderRole.EXECUTIVE_DEPUTY))
                .expectException(violationOf("R-LEAD-4"));
    }

    @Test
    void R_LEAD_4_executive_deputy_without_principal_is_refused() {
        fixture.given(organCreated())
                .when(appoint("e1", LeaderRole.EXECUTIVE_DEPUTY))
                .expectException(violationOf("R-LEAD-4"));
    }

    @Test
    void R_LEAD_4_concurrent_principal_cannot_leave_while_the_executive_deputy_serves() {
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE, true),
                        appointed("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE))
                .when(new RemoveLeader(ORGAN, "p1", TODAY, "transferred"))
                .expectException(violationOf("R-LEAD-4"));
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, SINCE, true),
                        appointed("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE),
                        new LeaderRemoved(ORGAN, PROVINCE, "e1", "Leader e1", LeaderRole.EXECUTIVE_DEPUTY, TODAY, "x"))
                .when(new RemoveLeader(ORGAN, "p1", TODAY, "transferred"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_LEAD_4_executive_deputy_from_a_date_after_which_no_concurrent_principal_serves_is_refused() {
        // The concurrent principal left on 2025-06-30: an executive deputy from 2025-01-01 would stay on without one.
        fixture.given(organCreated(), appointed("p1", LeaderRole.PRINCIPAL, JAN_2024, true),
                        removed("p1", LeaderRole.PRINCIPAL, END_OF_JUNE_2025))
                .when(appointFrom("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE))
                .expectException(violationOf("R-LEAD-4"));
    }

    @Test
    void R_LEAD_4_executive_deputy_before_a_concurrent_principal_took_office_is_refused() {
        // A full-time principal until 2025-06-30, a concurrent one from then on.
        Object[] principals = {organCreated(), appointed("p1", LeaderRole.PRINCIPAL, JAN_2024),
                removed("p1", LeaderRole.PRINCIPAL, END_OF_JUNE_2025),
                appointed("p2", LeaderRole.PRINCIPAL, END_OF_JUNE_2025, true)};
        fixture.given(principals)
                .when(appointFrom("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE))
                .expectException(violationOf("R-LEAD-4"));
        fixture.given(principals)
                .when(appointFrom("e1", LeaderRole.EXECUTIVE_DEPUTY, END_OF_JUNE_2025))
                .expectEvents(appointed("e1", LeaderRole.EXECUTIVE_DEPUTY, END_OF_JUNE_2025));
    }

    @Test
    void R_LEAD_4_concurrent_principal_cannot_leave_before_the_executive_deputy_did() {
        LocalDate deputyLeft = LocalDate.of(2025, 3, 1);
        Object[] body = {organCreated(), appointed("p1", LeaderRole.PRINCIPAL, JAN_2024, true),
                appointed("e1", LeaderRole.EXECUTIVE_DEPUTY, SINCE),
                removed("e1", LeaderRole.EXECUTIVE_DEPUTY, deputyLeft)};
        fixture.given(body)
                .when(new RemoveLeader(ORGAN, "p1", LocalDate.of(2025, 2, 1), "transferred"))
                .expectException(violationOf("R-LEAD-4"));
        fixture.given(body)
                .when(new RemoveLeader(ORGAN, "p1", deputyLeft, "transferred"))
                .expectSuccessfulHandlerExecution();
    }

    // --- R-LEAD-5 no assistant to the principal, no secretary-general -----------------------------------------

    @Test
    void R_LEAD_5_secretary_general_in_a_local_organ_is_refused() {
        fixture.given(organCreated())
                .when(appointWithApproval("s1", LeaderRole.SECRETARY_GENERAL, partyCentreApproval()))
                .expectException(violationOf("R-LEAD-5"));
    }

    @Test
    void R_LEAD_5_assistant_in_a_central_functional_department_with_party_centre_approval_is_appointed() {
        fixture.given(centralOrganCreated("cc-org", OrganKind.FUNCTIONAL_DEPARTMENT))
                .when(new AppointLeader("cc-org", "a1", "Assistant", LeaderRole.ASSISTANT_TO_PRINCIPAL, SINCE, false,
                        partyCentreApproval()))
                .expectEvents(new LeaderAppointed("cc-org", CENTRAL, "a1", "Assistant",
                        LeaderRole.ASSISTANT_TO_PRINCIPAL, SINCE, false, partyCentreApproval()));
    }

    @Test
    void R_LEAD_5_assistant_in_a_central_functional_department_without_party_centre_approval_is_refused() {
        fixture.given(centralOrganCreated("cc-org", OrganKind.FUNCTIONAL_DEPARTMENT))
                .when(new AppointLeader("cc-org", "a1", "Assistant", LeaderRole.ASSISTANT_TO_PRINCIPAL, SINCE, false,
                        null))
                .expectException(violationOf("R-LEAD-5"));
        Approval byCommittee = new Approval("office", Approver.COMMITTEE, CENTRAL, "1号", TODAY);
        fixture.given(centralOrganCreated("cc-org", OrganKind.FUNCTIONAL_DEPARTMENT))
                .when(new AppointLeader("cc-org", "a1", "Assistant", LeaderRole.ASSISTANT_TO_PRINCIPAL, SINCE, false,
                        byCommittee))
                .expectException(violationOf("R-LEAD-5"));
    }

    @Test
    void R_LEAD_5_secretary_general_in_a_central_general_office_is_refused_even_with_approval() {
        fixture.given(centralOrganCreated("cc-office", OrganKind.GENERAL_OFFICE))
                .when(new AppointLeader("cc-office", "s1", "SG", LeaderRole.SECRETARY_GENERAL, SINCE, false,
                        partyCentreApproval()))
                .expectException(violationOf("R-LEAD-5"));
    }


    private static AppointLeader appoint(String memberId, LeaderRole role) {
        return new AppointLeader(ORGAN, memberId, "Leader " + memberId, role, SINCE, false, null);
    }

    private static AppointLeader appointFrom(String memberId, LeaderRole role, LocalDate since) {
        return new AppointLeader(ORGAN, memberId, "Leader " + memberId, role, since, false, null);
    }

    private static LeaderRemoved removed(String memberId, LeaderRole role, LocalDate on) {
        return new LeaderRemoved(ORGAN, PROVINCE, memberId, "Leader " + memberId, role, on, "left");
    }

    private static AppointLeader appointWithApproval(String memberId, LeaderRole role, Approval approval) {
        return new AppointLeader(ORGAN, memberId, "Leader " + memberId, role, SINCE, false, approval);
    }
}
