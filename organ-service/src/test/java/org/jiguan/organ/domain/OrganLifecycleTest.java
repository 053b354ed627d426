package org.jiguan.organ.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.organ.domain.Facts.CENTRAL;
import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.DEFAULT_POLICY;
import static org.jiguan.organ.domain.Facts.ESTABLISHED;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.centralRegistered;
import static org.jiguan.organ.domain.Facts.organCreated;
import static org.jiguan.organ.domain.Facts.partyCentreApproval;
import static org.jiguan.organ.domain.Facts.provinceRegistered;
import static org.jiguan.organ.domain.Facts.upperApproval;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.jiguan.organ.api.AbolishOrgan;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.AssignDuty;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.CreateOrgan;
import org.jiguan.organ.api.DutyAssigned;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.MergeOrgans;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.organ.api.OrganQuotaSlotReleased;
import org.jiguan.organ.api.OrganQuotaSlotTaken;
import org.jiguan.organ.api.OrgansMerged;
import org.jiguan.organ.api.RegisterCommittee;
import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.testing.OrganQuotaCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Acts spanning a committee and its organs, through {@link OrganLifecycle} and Axon's real command handling. */
class OrganLifecycleTest {
    private final OrganLifecycleHarness harness = new OrganLifecycleHarness(CLOCK);

    // --- R-COM-1 committee hierarchy -------------------------------------------------------------------------

    @Test
    void R_COM_1_central_committee_registers_without_parent_and_gets_the_default_report_policy() {
        harness.given()
                .when(new RegisterCommittee(CENTRAL, "中央委员会", CommitteeLevel.CENTRAL, null, 30, null, null))
                .expectEvents(new CommitteeRegistered(CENTRAL, "中央委员会", CommitteeLevel.CENTRAL, null, 30,
                        DEFAULT_POLICY, List.of()));
    }

    @Test
    void R_COM_1_central_committee_with_a_parent_is_refused() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee("cc2", "x", CommitteeLevel.CENTRAL, CENTRAL, 30, null, null))
                .expectViolation("R-COM-1");
    }

    @Test
    void R_COM_1_provincial_committee_registers_under_the_central_one_with_its_own_policy() {
        ReportPolicy policy = new ReportPolicy("--02-28", null, List.of(1, -7, 0, 20, -14), null);
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12, policy,
                        List.of("cadre-appointment")))
                .expectEvents(new CommitteeRegistered(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy("--02-28", "--09-30", List.of(-14, -7, 0, 1, 20), "CN", 10),
                        List.of("cadre-appointment")));
    }

    @Test
    void R_SUP_2_reminder_offsets_are_one_per_stage_with_the_due_date_at_zero() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy(null, null, List.of(-7, 1), null), null))
                .expectViolation("R-SUP-2");
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy(null, null, List.of(-30, -7, 1, 2, 30), null), null))
                .expectViolation("R-SUP-2");
    }

    @Test
    void R_DEC_1_a_committees_deadline_for_reports_of_decisions_is_1_to_60_working_days_10_unless_stated() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy(null, null, null, null, 15), null))
                .expectEvents(new CommitteeRegistered(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy("--01-31", "--09-30", List.of(-30, -7, 0, 1, 30), "CN", 15), List.of()));
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee("zj", "浙江省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12, null, null))
                .expectEvents(new CommitteeRegistered("zj", "浙江省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                        new ReportPolicy("--01-31", "--09-30", List.of(-30, -7, 0, 1, 30), "CN", 10), List.of()));
        for (int days : new int[] {0, 61}) {
            harness.given(centralRegistered(30))
                    .when(new RegisterCommittee("sd", "山东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12,
                            new ReportPolicy(null, null, null, null, days), null))
                    .expectViolation("R-DEC-1");
        }
    }

    @Test
    void R_COM_1_local_committee_without_parent_is_refused() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, null, 12, null, null))
                .expectViolation("R-COM-1");
    }

    @Test
    void R_COM_1_parent_that_is_not_registered_is_refused() {
        harness.given()
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, 12, null, null))
                .expectViolation("R-COM-1");
    }

    @Test
    void R_COM_1_parent_more_than_one_level_up_is_refused() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee("gz", "广州市委", CommitteeLevel.MUNICIPAL, CENTRAL, 12, null, null))
                .expectViolation("R-COM-1");
    }

    @Test
    void R_COM_1_municipal_committee_registers_under_a_provincial_one() {
        harness.given(centralRegistered(30), provinceRegistered(12))
                .when(new RegisterCommittee("gz", "广州市委", CommitteeLevel.MUNICIPAL, PROVINCE, 10, null, null))
                .expectEvents(new CommitteeRegistered("gz", "广州市委", CommitteeLevel.MUNICIPAL, PROVINCE, 10,
                        DEFAULT_POLICY, List.of()));
    }

    @Test
    void registering_an_id_already_in_use_is_a_conflict() {
        harness.given(centralRegistered(30), provinceRegistered(12), organCreated())
                .when(new RegisterCommittee(ORGAN, "x", CommitteeLevel.MUNICIPAL, PROVINCE, 1, null, null))
                .expectException(Conflict.class);
    }

    // --- R-COM-2 organ quota ------------------------------------------------------------------------------------

    @Test
    void R_COM_2_organ_within_quota_takes_a_slot_and_is_created() {
        CreateOrgan command = createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT);
        harness.given(centralRegistered(30), provinceRegistered(2), slotTaken(ORGAN, true), organCreated())
                .when(command)
                .expectEvents(new OrganQuotaSlotTaken(PROVINCE, "gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, true,
                                ESTABLISHED),
                        new OrganCreated("gd-new", PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "新部门",
                                OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, ESTABLISHED, 20, 4,
                                upperApproval(), null, null, null, true));
    }

    @Test
    void R_COM_2_organ_beyond_quota_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated())
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT))
                .expectViolation("R-COM-2");
        assertThat(harness.storedEventsOf("gd-new")).isEmpty();
    }

    @Test
    void R_COM_2_organ_co_located_with_an_active_organ_counts_once_with_it_even_at_quota() {
        CreateOrgan coLocated = new CreateOrgan("gd-co", PROVINCE, "合署机构", OrganKind.FUNCTIONAL_DEPARTMENT,
                EstablishmentMode.CO_LOCATED, ESTABLISHED, 5, 2, upperApproval(), ORGAN, null, null);
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated())
                .when(coLocated)
                .expectEvents(new OrganQuotaSlotTaken(PROVINCE, "gd-co", OrganKind.FUNCTIONAL_DEPARTMENT, false,
                                ESTABLISHED, ORGAN),
                        new OrganCreated("gd-co", PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "合署机构",
                                OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.CO_LOCATED, ESTABLISHED, 5, 2,
                                upperApproval(), ORGAN, null, null, false));
    }

    @Test
    void R_COM_2_a_co_located_organ_takes_a_slot_of_its_own_once_its_partner_is_abolished() {
        // Quota 1: ORGAN since 2020 with "gd-co" co-located with it; ORGAN abolished at the end of 2024, so from
        // then on "gd-co" fills the quota alone and a new organ of 2025 does not fit.
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated(),
                        new OrganQuotaSlotTaken(PROVINCE, "gd-co", OrganKind.FUNCTIONAL_DEPARTMENT, false,
                                ESTABLISHED, ORGAN),
                        new OrganQuotaSlotReleased(PROVINCE, ORGAN, LocalDate.of(2024, 12, 31), "abolished"))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, LocalDate.of(2025, 6, 1)))
                .expectViolation("R-COM-2");
    }

    @Test
    void R_COM_2_merged_with_a_department_outside_the_committee_still_takes_a_slot() {
        CreateOrgan merged = new CreateOrgan("gd-m", PROVINCE, "网信办", OrganKind.FUNCTIONAL_DEPARTMENT,
                EstablishmentMode.MERGED, ESTABLISHED, 5, 2, upperApproval(), "省政府网信办", null, null);
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated())
                .when(merged)
                .expectViolation("R-COM-2");
    }

    @Test
    void R_COM_2_abolished_organ_frees_its_slot_from_its_abolition_date() {
        LocalDate abolished = LocalDate.of(2024, 12, 31);
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated(),
                        new OrganQuotaSlotReleased(PROVINCE, ORGAN, abolished, "abolished"))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, abolished))
                .expectEvents(new OrganQuotaSlotTaken(PROVINCE, "gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, true,
                                abolished),
                        new OrganCreated("gd-new", PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "新部门",
                                OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, abolished, 20, 4,
                                upperApproval(), null, null, null, true));
    }

    @Test
    void R_COM_2_organ_established_while_an_abolished_organ_still_held_its_slot_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated(),
                        new OrganQuotaSlotReleased(PROVINCE, ORGAN, LocalDate.of(2024, 12, 31), "abolished"))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, LocalDate.of(2024, 6, 1)))
                .expectViolation("R-COM-2");
    }

    @Test
    void R_COM_2_a_quota_raised_later_does_not_admit_an_organ_established_before() {
        harness.given(quotaRaisedFrom2025())
                .when(createOrgan("gd-early", OrganKind.FUNCTIONAL_DEPARTMENT, LocalDate.of(2024, 6, 1)))
                .expectViolation("R-COM-2");
    }

    @Test
    void R_COM_2_the_raised_quota_admits_an_organ_established_after_it() {
        LocalDate established = LocalDate.of(2025, 2, 1);
        harness.given(quotaRaisedFrom2025())
                .when(createOrgan("gd-late", OrganKind.FUNCTIONAL_DEPARTMENT, established))
                .expectEvents(new OrganQuotaSlotTaken(PROVINCE, "gd-late", OrganKind.FUNCTIONAL_DEPARTMENT, true,
                                established),
                        new OrganCreated("gd-late", PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "新部门",
                                OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, established, 20, 4,
                                upperApproval(), null, null, null, true));
    }

    /** Quota 1 with one organ since 2020, raised to 2 by an approval of 2025-01-10. */
    private static Object[] quotaRaisedFrom2025() {
        Approval raised = new Approval("gd-establishment-office", Approver.UPPER_ESTABLISHMENT_COMMITTEE, CENTRAL,
                "中编办复字〔2025〕2号", LocalDate.of(2025, 1, 10));
        return new Object[] {centralRegistered(30), provinceRegistered(1), slotTaken(ORGAN, true), organCreated(),
                new OrganQuotaSet(PROVINCE, 2, 1, raised)};
    }

    @Test
    void R_COM_2_organ_recorded_late_must_not_overfill_the_quota_on_a_later_date() {
        // Quota 2: one organ since 2020 and one since 2025. A third established in 2019 fits in 2019 but would
        // make three on 2025-01-01.
        harness.given(centralRegistered(30), provinceRegistered(2), slotTaken(ORGAN, true), organCreated(),
                        new OrganQuotaSlotTaken(PROVINCE, "gd-2025", OrganKind.FUNCTIONAL_DEPARTMENT, true,
                                LocalDate.of(2025, 1, 1)))
                .when(createOrgan("gd-old", OrganKind.FUNCTIONAL_DEPARTMENT, LocalDate.of(2019, 1, 1)))
                .expectViolation("R-COM-2");
    }

    @Test
    void R_COM_2_negative_quota_is_refused() {
        harness.given(centralRegistered(30))
                .when(new RegisterCommittee(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, -1, null, null))
                .expectViolation("R-COM-2");
    }

    @Test
    void creating_an_organ_under_an_unknown_committee_is_not_found() {
        harness.given().when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT)).expectException(NotFound.class);
    }

    @Test
    void creating_an_organ_id_in_use_is_a_conflict() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated())
                .when(createOrgan(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT))
                .expectException(Conflict.class);
    }

    @Test
    void creating_an_organ_under_an_id_a_committee_holds_is_a_conflict() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan(CENTRAL, OrganKind.FUNCTIONAL_DEPARTMENT))
                .expectException(Conflict.class);
    }

    // --- R-ORG-1 kinds --------------------------------------------------------------------------------------

    @Test
    void R_ORG_1_first_general_office_is_created() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-office", OrganKind.GENERAL_OFFICE));
        assertThat(harness.storedEventsOf("gd-office")).hasSize(1);
    }

    @Test
    void R_ORG_1_second_general_office_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5),
                        slotTaken("gd-office", OrganKind.GENERAL_OFFICE, true),
                        organCreated("gd-office", OrganKind.GENERAL_OFFICE, 10, 3))
                .when(createOrgan("gd-office-2", OrganKind.GENERAL_OFFICE))
                .expectViolation("R-ORG-1");
    }

    @Test
    void R_ORG_1_general_office_established_before_the_old_one_was_abolished_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5),
                        slotTaken("gd-office", OrganKind.GENERAL_OFFICE, true), abolishedGeneralOffice())
                .when(createOrgan("gd-office-2", OrganKind.GENERAL_OFFICE, LocalDate.of(2024, 6, 1)))
                .expectViolation("R-ORG-1");
    }

    @Test
    void R_ORG_1_general_office_established_after_the_old_one_was_abolished_is_created() {
        LocalDate established = LocalDate.of(2025, 1, 1);
        harness.given(centralRegistered(30), provinceRegistered(5),
                        slotTaken("gd-office", OrganKind.GENERAL_OFFICE, true), abolishedGeneralOffice())
                .when(createOrgan("gd-office-2", OrganKind.GENERAL_OFFICE, established))
                .expectEvents(new OrganQuotaSlotTaken(PROVINCE, "gd-office-2", OrganKind.GENERAL_OFFICE, true,
                                established),
                        new OrganCreated("gd-office-2", PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "新部门",
                                OrganKind.GENERAL_OFFICE, EstablishmentMode.STANDALONE, established, 20, 4,
                                upperApproval(), null, null, null, true));
    }

    /** A general office held its slot from 2020 until its abolition on 2024-12-31. */
    private static OrganQuotaSlotReleased abolishedGeneralOffice() {
        return new OrganQuotaSlotReleased(PROVINCE, "gd-office", LocalDate.of(2024, 12, 31), "abolished");
    }

    @Test
    void R_ORG_1_working_body_without_its_coordination_body_is_refused_and_takes_no_slot() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-wb", OrganKind.WORKING_BODY))
                .expectViolation("R-ORG-1");
        assertThat(harness.storedEventsOf(PROVINCE)).hasSize(1);
    }

    @Test
    void R_ORG_1_working_body_naming_its_coordination_body_is_created() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(new CreateOrgan("gd-wb", PROVINCE, "深改办", OrganKind.WORKING_BODY, EstablishmentMode.STANDALONE,
                        ESTABLISHED, 5, 2, upperApproval(), null, "全面深化改革委员会", null));
        assertThat(harness.storedEventsOf("gd-wb")).hasSize(1);
    }

    @Test
    void R_ORG_1_dispatched_organ_without_its_field_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-dispatched", OrganKind.DISPATCHED_ORGAN))
                .expectViolation("R-ORG-1");
    }

    @Test
    void R_ORG_1_dispatched_organ_naming_its_field_is_created() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(new CreateOrgan("gd-dispatched", PROVINCE, "省直机关工委", OrganKind.DISPATCHED_ORGAN,
                        EstablishmentMode.STANDALONE, ESTABLISHED, 5, 2, upperApproval(), null, null, "省直机关"));
        assertThat(harness.storedEventsOf("gd-dispatched")).hasSize(1);
    }

    // --- R-ORG-2 approvals for establishment, abolition, merger --------------------------------------------

    @Test
    void R_ORG_2_central_organ_approved_by_the_party_centre_is_created() {
        harness.given(centralRegistered(30))
                .when(new CreateOrgan("cc-org", CENTRAL, "中央组织部", OrganKind.FUNCTIONAL_DEPARTMENT,
                        EstablishmentMode.STANDALONE, ESTABLISHED, 100, 8, partyCentreApproval(), null, null, null));
        assertThat(harness.storedEventsOf("cc-org")).hasSize(1);
    }

    @Test
    void R_ORG_2_central_organ_not_approved_by_the_party_centre_is_refused() {
        harness.given(centralRegistered(30))
                .when(new CreateOrgan("cc-org", CENTRAL, "中央组织部", OrganKind.FUNCTIONAL_DEPARTMENT,
                        EstablishmentMode.STANDALONE, ESTABLISHED, 100, 8,
                        new Approval("office", Approver.COMMITTEE, CENTRAL, "1号", TODAY), null, null, null))
                .expectViolation("R-ORG-2");
    }

    @Test
    void R_ORG_2_local_organ_approved_by_its_own_committee_only_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, Facts.provincialCommitteeApproval()))
                .expectViolation("R-ORG-2");
    }

    @Test
    void R_ORG_2_local_organ_approved_by_an_establishment_committee_other_than_the_parents_is_refused() {
        Approval wrongCommittee = new Approval("office", Approver.UPPER_ESTABLISHMENT_COMMITTEE, "js", "1号", TODAY);
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, wrongCommittee))
                .expectViolation("R-ORG-2");
    }

    @Test
    void R_ORG_2_approval_without_document_number_is_refused() {
        Approval noDocument = new Approval("office", Approver.UPPER_ESTABLISHMENT_COMMITTEE, CENTRAL, " ", TODAY);
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(createOrgan("gd-new", OrganKind.FUNCTIONAL_DEPARTMENT, noDocument))
                .expectViolation("R-ORG-2");
    }

    @Test
    void R_ORG_2_abolition_on_a_fitting_approval_abolishes_and_frees_the_slot() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated())
                .when(new AbolishOrgan(ORGAN, TODAY, upperApproval(), "functions transferred"))
                .expectEvents(new OrganAbolished(ORGAN, PROVINCE, TODAY, upperApproval(), "functions transferred",
                                null),
                        new OrganQuotaSlotReleased(PROVINCE, ORGAN, TODAY, "functions transferred"));
    }

    @Test
    void R_ORG_2_abolition_without_approval_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated())
                .when(new AbolishOrgan(ORGAN, TODAY, null, "functions transferred"))
                .expectViolation("R-ORG-2");
    }

    @Test
    void R_ORG_2_merger_on_an_unfitting_approval_is_refused() {
        givenTwoOrgans()
                .when(new MergeOrgans(ORGAN, List.of("gd-b"), TODAY, Facts.provincialCommitteeApproval()))
                .expectViolation("R-ORG-2");
    }

    // --- R-ORG-3 establishment modes ----------------------------------------------------------------------

    @Test
    void R_ORG_3_merged_organ_without_related_department_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(new CreateOrgan("gd-m", PROVINCE, "x", OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.MERGED,
                        ESTABLISHED, 5, 2, upperApproval(), null, null, null))
                .expectViolation("R-ORG-3");
    }

    @Test
    void R_ORG_3_standalone_organ_naming_a_related_department_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(new CreateOrgan("gd-s", PROVINCE, "x", OrganKind.FUNCTIONAL_DEPARTMENT,
                        EstablishmentMode.STANDALONE, ESTABLISHED, 5, 2, upperApproval(), "省政府办公厅", null, null))
                .expectViolation("R-ORG-3");
    }

    @Test
    void R_ORG_3_merged_organ_naming_its_related_department_stays_under_the_committee() {
        harness.given(centralRegistered(30), provinceRegistered(5))
                .when(new CreateOrgan("gd-m", PROVINCE, "x", OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.MERGED,
                        ESTABLISHED, 5, 2, upperApproval(), "省政府网信办", null, null));
        assertThat(harness.storedEventsOf("gd-m")).singleElement()
                .satisfies(e -> assertThat(((OrganCreated) e.getPayload()).committeeId()).isEqualTo(PROVINCE));
    }

    // --- R-ORG-4 abolition and merger -------------------------------------------------------------------

    @Test
    void R_ORG_4_abolishing_an_abolished_organ_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated(),
                        new OrganAbolished(ORGAN, PROVINCE, TODAY, upperApproval(), "x", null),
                        new OrganQuotaSlotReleased(PROVINCE, ORGAN, TODAY, "x"))
                .when(new AbolishOrgan(ORGAN, TODAY, upperApproval(), "again"))
                .expectViolation("R-ORG-4");
    }

    @Test
    void R_ORG_4_merger_abolishes_the_absorbed_organs_naming_the_survivor() {
        givenTwoOrgans()
                .when(new MergeOrgans(ORGAN, List.of("gd-b"), TODAY, upperApproval()))
                .expectEvents(new OrgansMerged(ORGAN, PROVINCE, ORGAN, List.of("gd-b"), TODAY, upperApproval()),
                        new OrganAbolished("gd-b", PROVINCE, TODAY, upperApproval(), "merged into " + ORGAN, ORGAN),
                        new OrganQuotaSlotReleased(PROVINCE, "gd-b", TODAY, "merged into " + ORGAN));
    }

    @Test
    void R_ORG_4_merger_absorbing_an_abolished_organ_is_refused_as_a_whole() {
        givenTwoOrgans()
                .given(new OrganAbolished("gd-b", PROVINCE, TODAY, upperApproval(), "x", null))
                .when(new MergeOrgans(ORGAN, List.of("gd-b"), TODAY, upperApproval()))
                .expectViolation("R-ORG-4");
        assertThat(harness.storedEventsOf(ORGAN)).hasSize(1);
    }

    @Test
    void R_ORG_4_survivor_absorbing_itself_is_refused() {
        givenTwoOrgans()
                .when(new MergeOrgans(ORGAN, List.of(ORGAN, "gd-b"), TODAY, upperApproval()))
                .expectViolation("R-ORG-4");
    }

    @Test
    void R_ORG_4_merger_with_an_organ_of_another_committee_is_refused() {
        givenTwoOrgans()
                .given(new CommitteeRegistered("js", "江苏省委", CommitteeLevel.PROVINCIAL, CENTRAL, 5,
                                DEFAULT_POLICY, List.of()),
                        new OrganQuotaSlotTaken("js", "js-org", OrganKind.FUNCTIONAL_DEPARTMENT, true, ESTABLISHED),
                        new OrganCreated("js-org", "js", CommitteeLevel.PROVINCIAL, CENTRAL, "江苏部门",
                                OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, ESTABLISHED, 5, 2,
                                upperApproval(), null, null, null, true))
                .when(new MergeOrgans(ORGAN, List.of("js-org"), TODAY, upperApproval()))
                .expectViolation("R-ORG-4");
    }

    @Test
    void R_ORG_4_merger_naming_no_absorbed_organ_is_refused() {
        givenTwoOrgans()
                .when(new MergeOrgans(ORGAN, List.of(), TODAY, upperApproval()))
                .expectViolation("R-ORG-4");
    }

    @Test
    void R_ORG_4_abolition_dated_before_the_organ_was_established_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated())
                .when(new AbolishOrgan(ORGAN, ESTABLISHED.minusDays(1), upperApproval(), "机构改革"))
                .expectViolation("R-ORG-4");
    }

    @Test
    void R_ORG_4_merger_dated_before_an_organ_was_established_is_refused() {
        // A merger dated in the future is a 400 naming mergedOn before any rule (ActDatesTest).
        givenTwoOrgans()
                .when(new MergeOrgans(ORGAN, List.of("gd-b"), ESTABLISHED.minusDays(1), upperApproval()))
                .expectViolation("R-ORG-4");
    }

    // --- R-ORG-7 duties -----------------------------------------------------------------------------------

    @Test
    void R_ORG_7_duty_not_reserved_is_assigned() {
        harness.given(centralRegistered(30), provinceRegistered(5, "cadre-appointment"), slotTaken(ORGAN, true),
                        organCreated())
                .when(new AssignDuty(ORGAN, "party-building", "党的建设"))
                .expectEvents(new DutyAssigned(ORGAN, PROVINCE, "party-building", "党的建设"));
    }

    @Test
    void R_ORG_7_duty_reserved_to_the_committee_is_refused() {
        harness.given(centralRegistered(30), provinceRegistered(5, "cadre-appointment"), slotTaken(ORGAN, true),
                        organCreated())
                .when(new AssignDuty(ORGAN, "cadre-appointment", "干部任免"))
                .expectViolation("R-ORG-7");
    }

    @Test
    void assigning_a_duty_twice_is_a_conflict() {
        harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated(),
                        new DutyAssigned(ORGAN, PROVINCE, "party-building", "党的建设"))
                .when(new AssignDuty(ORGAN, "party-building", "again"))
                .expectException(Conflict.class);
    }

    @Test
    void commands_on_an_unknown_organ_are_not_found() {
        harness.given(centralRegistered(30))
                .when(new AbolishOrgan("nobody", TODAY, upperApproval(), "x"))
                .expectException(NotFound.class);
        harness.when(new AssignDuty(CENTRAL, "x", "an id that names a committee, not an organ"))
                .expectException(NotFound.class);
    }

    // --- R-COM-2 as oversight-service counts it: the same events, fed to both -----------------------------------

    static List<OrganQuotaCases.Case> quotaCases() {
        return OrganQuotaCases.all();
    }

    /** One more organ established on a probe day is admitted exactly when oversight shows room on that day. */
    @ParameterizedTest
    @MethodSource("quotaCases")
    void R_COM_2_admits_an_organ_exactly_when_the_shared_count_has_room(OrganQuotaCases.Case quotaCase) {
        for (OrganQuotaCases.Probe probe : quotaCase.probes()) {
            OrganLifecycleHarness judged = new OrganLifecycleHarness(CLOCK)
                    .given(centralRegistered(30))
                    .given(quotaCase.events().stream().map(OrganLifecycleTest::committeeEvent).toArray())
                    .when(createOrgan("gd-probe", OrganKind.FUNCTIONAL_DEPARTMENT, probe.day()));
            if (probe.admitsAnother()) {
                judged.expectAccepted();
            } else {
                judged.expectViolation("R-COM-2");
            }
        }
    }

    private static Object committeeEvent(OrganQuotaCases.Event event) {
        try {
            return EVENTS_JSON.convertValue(event.data(), Class.forName("org.jiguan.organ.api." + event.type()));
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(event.type(), e);
        }
    }

    private static final ObjectMapper EVENTS_JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private OrganLifecycleHarness givenTwoOrgans() {
        return harness.given(centralRegistered(30), provinceRegistered(5), slotTaken(ORGAN, true), organCreated(),
                slotTaken("gd-b", true), organCreated("gd-b", OrganKind.FUNCTIONAL_DEPARTMENT, 10, 3));
    }

    private static OrganQuotaSlotTaken slotTaken(String organId, boolean counted) {
        return slotTaken(organId, OrganKind.FUNCTIONAL_DEPARTMENT, counted);
    }

    private static OrganQuotaSlotTaken slotTaken(String organId, OrganKind kind, boolean counted) {
        return new OrganQuotaSlotTaken(PROVINCE, organId, kind, counted, ESTABLISHED);
    }

    private static CreateOrgan createOrgan(String organId, OrganKind kind) {
        return createOrgan(organId, kind, upperApproval());
    }

    private static CreateOrgan createOrgan(String organId, OrganKind kind, LocalDate establishedOn) {
        return new CreateOrgan(organId, PROVINCE, "新部门", kind, EstablishmentMode.STANDALONE, establishedOn, 20, 4,
                upperApproval(), null, null, null);
    }

    private static CreateOrgan createOrgan(String organId, OrganKind kind, Approval approval) {
        return new CreateOrgan(organId, PROVINCE, "新部门", kind, EstablishmentMode.STANDALONE, ESTABLISHED, 20, 4,
                approval, null, null, null);
    }
}
