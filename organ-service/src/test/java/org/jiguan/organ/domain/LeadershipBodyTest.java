package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CENTRAL;
import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ESTABLISHED;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.TOMORROW;
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
                .when(appoint("m4", LeaderRole.MEMBER))
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
                .when(appoint("p2", LeaderRole.PRINCIPAL))
                .expectSuccessfulHandlerExecution();
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

    @Test
    void R_LEAD_5_party_centre_approval_dated_tomorrow_is_refused() {
        Approval tomorrow = new Approval("office", Approver.PARTY_CENTRE, CENTRAL, "1号", TOMORROW);
        fixture.given(centralOrganCreated("cc-org", OrganKind.FUNCTIONAL_DEPARTMENT))
                .when(new AppointLeader("cc-org", "s1", "SG", LeaderRole.SECRETARY_GENERAL, SINCE, false, tomorrow))
                .expectException(violationOf("R-LEAD-5"));
    }

    private static AppointLeader appoint(String memberId, LeaderRole role) {
        return new AppointLeader(ORGAN, memberId, "Leader " + memberId, role, SINCE, false, null);
    }

    private static AppointLeader appointWithApproval(String memberId, LeaderRole role, Approval approval) {
        return new AppointLeader(ORGAN, memberId, "Leader " + memberId, role, SINCE, false, approval);
    }
}
