package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.organCreated;
import static org.jiguan.organ.domain.Facts.provincialCommitteeApproval;
import static org.jiguan.organ.domain.Facts.upperApproval;
import static org.jiguan.organ.domain.Facts.violationOf;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.AbolishInternalBody;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.ChangeInternalBody;
import org.jiguan.organ.api.ChangeOrgan;
import org.jiguan.organ.api.EstablishInternalBody;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.HeadcountReported;
import org.jiguan.organ.api.InternalBodiesMerged;
import org.jiguan.organ.api.InternalBodyAbolished;
import org.jiguan.organ.api.InternalBodyChanged;
import org.jiguan.organ.api.InternalBodyEstablished;
import org.jiguan.organ.api.MergeInternalBodies;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.RemoveLeader;
import org.jiguan.organ.api.ReportHeadcount;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An organ's own establishment rules: changes, internal bodies, staffing, and abolition's finality. */
class OrganTest {
    private final FixtureConfiguration<Organ> fixture = new AggregateTestFixture<>(Organ.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    // --- R-ORG-2 changes need a fitting approval -----------------------------------------------------------

    @Test
    void R_ORG_2_change_on_a_fitting_approval_records_the_values_in_force_after_it() {
        fixture.given(organCreated())
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), "省委组织部", 12, null))
                .expectEvents(new OrganChanged(ORGAN, PROVINCE, TODAY, upperApproval(), "省委组织部", 12, 3));
    }

    @Test
    void R_ORG_2_change_approved_only_by_the_organs_own_committee_is_refused() {
        fixture.given(organCreated())
                .when(new ChangeOrgan(ORGAN, TODAY, provincialCommitteeApproval(), "x", null, null))
                .expectException(violationOf("R-ORG-2"));
    }

    @Test
    void R_ORG_2_change_without_proposing_department_is_refused() {
        Approval noProposer = new Approval(null, Approver.UPPER_ESTABLISHMENT_COMMITTEE, Facts.CENTRAL, "1号", TODAY);
        fixture.given(organCreated())
                .when(new ChangeOrgan(ORGAN, TODAY, noProposer, "x", null, null))
                .expectException(violationOf("R-ORG-2"));
    }

    // --- R-ORG-4 an abolished organ takes no further commands ---------------------------------------------

    @Test
    void R_ORG_4_abolished_organ_refuses_a_change() {
        fixture.given(organCreated(), new OrganAbolished(ORGAN, PROVINCE, TODAY, upperApproval(), "x", null))
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), "x", null, null))
                .expectException(violationOf("R-ORG-4"));
    }

    @Test
    void R_ORG_4_organ_abolished_by_merger_refuses_reports_and_leadership_changes() {
        fixture.given(organCreated(), new OrganAbolished(ORGAN, PROVINCE, TODAY, upperApproval(), "merged", "gd-b"))
                .when(new FileSpecialReport(ORGAN, "r1", "贯彻落实情况", TODAY, "1号", null, null, null, null))
                .expectException(violationOf("R-ORG-4"));
        fixture.given(organCreated(), new OrganAbolished(ORGAN, PROVINCE, TODAY, upperApproval(), "merged", "gd-b"))
                .when(new RemoveLeader(ORGAN, "m1", TODAY, "x"))
                .expectException(violationOf("R-ORG-4"));
    }

    // --- R-ORG-5 internal bodies ---------------------------------------------------------------------------

    @Test
    void R_ORG_5_internal_body_on_the_committees_own_approval_is_established() {
        fixture.given(organCreated())
                .when(new EstablishInternalBody(ORGAN, "b1", "干部一处", provincialCommitteeApproval()))
                .expectEvents(new InternalBodyEstablished(ORGAN, PROVINCE, "b1", "干部一处",
                        provincialCommitteeApproval(), provincialCommitteeApproval().approvedOn()));
    }

    @Test
    void R_ORG_5_internal_body_on_the_upper_establishment_committees_approval_is_established() {
        fixture.given(organCreated())
                .when(new EstablishInternalBody(ORGAN, "b1", "干部一处", upperApproval()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_ORG_5_internal_body_without_approval_is_refused() {
        fixture.given(organCreated())
                .when(new EstablishInternalBody(ORGAN, "b1", "干部一处", null))
                .expectException(violationOf("R-ORG-5"));
    }

    @Test
    void R_ORG_5_internal_body_approved_by_another_committee_is_refused() {
        Approval otherCommittee = new Approval("office", Approver.COMMITTEE, "js", "苏编〔2026〕1号", TODAY);
        fixture.given(organCreated())
                .when(new EstablishInternalBody(ORGAN, "b1", "干部一处", otherCommittee))
                .expectException(violationOf("R-ORG-5"));
    }


    @Test
    void R_ORG_5_internal_body_is_abolished_on_approval_and_unknown_ones_are_not_found() {
        InternalBodyEstablished established = new InternalBodyEstablished(ORGAN, PROVINCE, "b1", "干部一处",
                upperApproval(), upperApproval().approvedOn());
        fixture.given(organCreated(), established)
                .when(new AbolishInternalBody(ORGAN, "b1", provincialCommitteeApproval(), TODAY))
                .expectEvents(new InternalBodyAbolished(ORGAN, PROVINCE, "b1", "干部一处",
                        provincialCommitteeApproval(), TODAY));
        fixture.given(organCreated(), established)
                .when(new AbolishInternalBody(ORGAN, "b1", null, TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated())
                .when(new AbolishInternalBody(ORGAN, "b9", provincialCommitteeApproval(), TODAY))
                .expectException(NotFound.class);
    }

    private static final InternalBodyEstablished CADRES = new InternalBodyEstablished(ORGAN, PROVINCE, "b1", "干部一处",
            upperApproval(), upperApproval().approvedOn());
    private static final InternalBodyEstablished CADRES_2 = new InternalBodyEstablished(ORGAN, PROVINCE, "b2", "干部二处",
            upperApproval(), upperApproval().approvedOn());

    @Test
    void R_ORG_5_internal_body_is_renamed_and_re_tasked_on_approval_dated_by_it() {
        fixture.given(organCreated(), CADRES)
                .when(new ChangeInternalBody(ORGAN, "b1", "干部监督处", "负责干部监督", provincialCommitteeApproval(),
                        null))
                .expectEvents(new InternalBodyChanged(ORGAN, PROVINCE, "b1", "干部一处", "干部监督处", "负责干部监督",
                        provincialCommitteeApproval(), provincialCommitteeApproval().approvedOn()));
        fixture.given(organCreated(), CADRES, new InternalBodyChanged(ORGAN, PROVINCE, "b1", "干部一处", "干部监督处",
                        "负责干部监督", provincialCommitteeApproval(), provincialCommitteeApproval().approvedOn()))
                .when(new ChangeInternalBody(ORGAN, "b1", null, "负责干部监督和档案管理", provincialCommitteeApproval(),
                        TODAY))
                .expectEvents(new InternalBodyChanged(ORGAN, PROVINCE, "b1", "干部监督处", "干部监督处",
                        "负责干部监督和档案管理", provincialCommitteeApproval(), TODAY));
    }

    @Test
    void R_ORG_5_internal_body_change_without_approval_nothing_changed_or_dated_before_its_life_is_refused() {
        fixture.given(organCreated(), CADRES)
                .when(new ChangeInternalBody(ORGAN, "b1", "干部监督处", null, null, TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated(), CADRES)
                .when(new ChangeInternalBody(ORGAN, "b1", " ", null, provincialCommitteeApproval(), TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated(), CADRES)
                .when(new ChangeInternalBody(ORGAN, "b1", "干部监督处", null, provincialCommitteeApproval(),
                        upperApproval().approvedOn().minusDays(1)))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated())
                .when(new ChangeInternalBody(ORGAN, "b9", "某处", null, provincialCommitteeApproval(), TODAY))
                .expectException(NotFound.class);
    }

    @Test
    void R_ORG_5_internal_bodies_are_merged_into_one_that_survives_and_the_absorbed_end() {
        fixture.given(organCreated(), CADRES, CADRES_2)
                .when(new MergeInternalBodies(ORGAN, "b1", List.of("b2"), "干部处", provincialCommitteeApproval(), TODAY))
                .expectEvents(new InternalBodiesMerged(ORGAN, PROVINCE, "b1", List.of("b2"), "干部处",
                        provincialCommitteeApproval(), TODAY));
        fixture.given(organCreated(), CADRES, CADRES_2, new InternalBodiesMerged(ORGAN, PROVINCE, "b1", List.of("b2"),
                        "干部处", provincialCommitteeApproval(), TODAY))
                .when(new AbolishInternalBody(ORGAN, "b2", provincialCommitteeApproval(), TODAY))
                .expectException(NotFound.class);
    }

    @Test
    void R_ORG_5_a_merger_without_approval_absorbing_nothing_or_itself_is_refused() {
        fixture.given(organCreated(), CADRES, CADRES_2)
                .when(new MergeInternalBodies(ORGAN, "b1", List.of("b2"), null, null, TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated(), CADRES, CADRES_2)
                .when(new MergeInternalBodies(ORGAN, "b1", List.of(), null, provincialCommitteeApproval(), TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated(), CADRES, CADRES_2)
                .when(new MergeInternalBodies(ORGAN, "b1", List.of("b1"), null, provincialCommitteeApproval(), TODAY))
                .expectException(violationOf("R-ORG-5"));
        fixture.given(organCreated(), CADRES)
                .when(new MergeInternalBodies(ORGAN, "b1", List.of("b9"), null, provincialCommitteeApproval(), TODAY))
                .expectException(NotFound.class);
    }

    @Test
    void internal_body_id_in_use_is_a_conflict() {
        fixture.given(organCreated(), new InternalBodyEstablished(ORGAN, PROVINCE, "b1", "干部一处",
                        upperApproval(), upperApproval().approvedOn()))
                .when(new EstablishInternalBody(ORGAN, "b1", "干部二处", upperApproval()))
                .expectException(Conflict.class);
    }

    // --- R-ORG-6 staffing quota ------------------------------------------------------------------------------

    @Test
    void R_ORG_6_headcount_within_staffing_quota_is_reported() {
        fixture.given(organCreated())
                .when(new ReportHeadcount(ORGAN, 10, TODAY))
                .expectEvents(new HeadcountReported(ORGAN, PROVINCE, 10, TODAY, 10));
    }

    @Test
    void R_ORG_6_headcount_over_staffing_quota_is_refused() {
        fixture.given(organCreated())
                .when(new ReportHeadcount(ORGAN, 11, TODAY))
                .expectException(violationOf("R-ORG-6"));
    }

    @Test
    void R_ORG_6_negative_headcount_is_refused() {
        // A headcount as of a future date is a 400 naming asOf before any rule (ActDatesTest).
        fixture.given(organCreated())
                .when(new ReportHeadcount(ORGAN, -1, TODAY))
                .expectException(violationOf("R-ORG-6"));
    }

    @Test
    void R_ORG_6_a_backdated_headcount_does_not_replace_a_later_one() {
        HeadcountReported january = new HeadcountReported(ORGAN, PROVINCE, 8, LocalDate.of(2026, 1, 1), 10);
        HeadcountReported lastYear = new HeadcountReported(ORGAN, PROVINCE, 3, LocalDate.of(2025, 6, 1), 10);
        fixture.given(organCreated(), january, lastYear)
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), null, 7, null))
                .expectException(violationOf("R-ORG-6"));
    }

    @Test
    void R_ORG_6_staffing_quota_cannot_be_cut_below_the_headcount() {
        HeadcountReported eight = new HeadcountReported(ORGAN, PROVINCE, 8, LocalDate.of(2026, 1, 1), 10);
        fixture.given(organCreated(), eight)
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), null, 7, null))
                .expectException(violationOf("R-ORG-6"));
        fixture.given(organCreated(), eight)
                .when(new ChangeOrgan(ORGAN, TODAY, upperApproval(), null, 8, null))
                .expectEvents(new OrganChanged(ORGAN, PROVINCE, TODAY, upperApproval(), "组织部 " + ORGAN, 8, 3));
    }

    @Test
    void R_ORG_6_a_headcount_is_held_against_the_staffing_quota_in_force_on_its_date() {
        // Staffing quota 20, raised to 25 from 2025-01-01.
        OrganChanged raised = new OrganChanged(ORGAN, PROVINCE, LocalDate.of(2025, 1, 1), upperApproval(),
                "组织部 " + ORGAN, 25, 3);
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 20, 3), raised)
                .when(new ReportHeadcount(ORGAN, 22, LocalDate.of(2024, 6, 30)))
                .expectException(violationOf("R-ORG-6"));
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 20, 3), raised)
                .when(new ReportHeadcount(ORGAN, 22, LocalDate.of(2025, 2, 1)))
                .expectEvents(new HeadcountReported(ORGAN, PROVINCE, 22, LocalDate.of(2025, 2, 1), 25));
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 20, 3), raised)
                .when(new ReportHeadcount(ORGAN, 18, LocalDate.of(2024, 6, 30)))
                .expectEvents(new HeadcountReported(ORGAN, PROVINCE, 18, LocalDate.of(2024, 6, 30), 20));
    }

    @Test
    void R_ORG_6_a_headcount_stands_until_the_next_one_so_a_later_cut_applies_to_it() {
        // Quota 25, cut to 20 from 2025-01-01 while 18 were on staff: 22 as of 2024-12-15 would be 22 on 2025-01-01.
        OrganChanged cut = new OrganChanged(ORGAN, PROVINCE, LocalDate.of(2025, 1, 1), upperApproval(),
                "组织部 " + ORGAN, 20, 3);
        HeadcountReported eighteen = new HeadcountReported(ORGAN, PROVINCE, 18, LocalDate.of(2024, 12, 20), 25);
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 25, 3), eighteen, cut)
                .when(new ReportHeadcount(ORGAN, 22, LocalDate.of(2024, 12, 1)))
                .expectEvents(new HeadcountReported(ORGAN, PROVINCE, 22, LocalDate.of(2024, 12, 1), 25));
        fixture.given(organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 25, 3), eighteen, cut)
                .when(new ReportHeadcount(ORGAN, 22, LocalDate.of(2024, 12, 25)))
                .expectException(violationOf("R-ORG-6"));
    }

    @Test
    void R_ORG_6_staffing_quota_cut_from_a_date_with_a_higher_headcount_is_refused() {
        HeadcountReported nine = new HeadcountReported(ORGAN, PROVINCE, 9, LocalDate.of(2025, 3, 1), 10);
        HeadcountReported six = new HeadcountReported(ORGAN, PROVINCE, 6, LocalDate.of(2025, 9, 1), 10);
        fixture.given(organCreated(), nine, six)
                .when(new ChangeOrgan(ORGAN, LocalDate.of(2025, 1, 1), upperApproval(), null, 7, null))
                .expectException(violationOf("R-ORG-6"));
        fixture.given(organCreated(), nine, six)
                .when(new ChangeOrgan(ORGAN, LocalDate.of(2025, 9, 1), upperApproval(), null, 7, null))
                .expectSuccessfulHandlerExecution();
    }

    // --- R-ORG-4 acts dated before the abolition -------------------------------------------------------------

    @Test
    void R_ORG_4_an_act_dated_before_the_abolition_is_recorded_late_one_dated_on_or_after_it_is_refused() {
        OrganAbolished abolished = new OrganAbolished(ORGAN, PROVINCE, LocalDate.of(2025, 6, 30), upperApproval(),
                "机构改革", null);
        fixture.given(organCreated(), abolished)
                .when(new ReportHeadcount(ORGAN, 8, LocalDate.of(2025, 3, 1)))
                .expectEvents(new HeadcountReported(ORGAN, PROVINCE, 8, LocalDate.of(2025, 3, 1), 10));
        fixture.given(organCreated(), abolished)
                .when(new ReportHeadcount(ORGAN, 8, LocalDate.of(2025, 6, 30)))
                .expectException(violationOf("R-ORG-4"));
    }
}
