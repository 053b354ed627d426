package org.jiguan.organ;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiguan.organ.api.AccountabilityMeasure;
import org.jiguan.organ.api.AccountabilityMeasureRecorded;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.AssessmentGrade;
import org.jiguan.organ.api.AssessmentRecorded;
import org.jiguan.organ.api.CommitteeEvent;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.DutyAssigned;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.FindingRecorded;
import org.jiguan.organ.api.FindingSource;
import org.jiguan.organ.api.HeadcountReported;
import org.jiguan.organ.api.IntegrityStatementFiled;
import org.jiguan.organ.api.InternalBodiesMerged;
import org.jiguan.organ.api.InternalBodyAbolished;
import org.jiguan.organ.api.InternalBodyChanged;
import org.jiguan.organ.api.InternalBodyEstablished;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.organ.api.OrganEvent;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.organ.api.OrganQuotaSlotReleased;
import org.jiguan.organ.api.OrganQuotaSlotTaken;
import org.jiguan.organ.api.OrgansMerged;
import org.jiguan.organ.api.PersonalMattersReportFiled;
import org.jiguan.organ.api.RectificationReported;
import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.organ.api.SigningBasis;
import org.jiguan.organ.api.SigningMandate;
import org.jiguan.organ.api.SpecialReportFiled;
import org.jiguan.organ.api.SpecialReportRequested;
import org.jiguan.platform.testing.EventSchemaContract;
import org.jiguan.platform.testing.EventSchemaContract.EventKind;
import org.jiguan.platform.testing.EventSchemaContract.Published;
import org.junit.jupiter.api.Test;

/**
 * The published event contract of organ-service: the checks of {@link EventSchemaContract} over samples of every
 * event, and the conditional rules of the organ domain that its schemas carry.
 */
class EventSchemasTest extends EventSchemaContract {
    // ---------------------------------------------------------------------------------------------- samples

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    /** A local committee's organ: approved by the upper-level establishment committee (R-ORG-2). */
    private static final Approval BY_UPPER_COMMITTEE = new Approval("浙江省委机构编制委员会办公室",
            Approver.UPPER_ESTABLISHMENT_COMMITTEE, "cc-central", "中编办复字〔2026〕12号", LocalDate.of(2026, 2, 10));
    /** A central committee's organ: approved by the Party Centre, no approver committee id (R-ORG-2). */
    private static final Approval BY_PARTY_CENTRE = new Approval("中央机构编制委员会办公室", Approver.PARTY_CENTRE, null,
            "中编委发〔2026〕3号", LocalDate.of(2026, 1, 8));
    /** An internal body: the organ's own committee may approve it (R-ORG-5). */
    private static final Approval BY_OWN_COMMITTEE = new Approval("浙江省委机构编制委员会办公室", Approver.COMMITTEE,
            "cc-zj", "浙编〔2026〕5号", LocalDate.of(2026, 3, 2));
    private static final ReportPolicy DEFAULT_POLICY = new ReportPolicy("--01-31", "--09-30",
            List.of(-30, -7, 0, 1, 30), "CN");

    EventSchemasTest() {
        super(new Published("org.jiguan.organ.api", "organ-events", List.of(
                new EventKind(OrganEvent.class, "OrganKey", "organId", "committeeId"),
                new EventKind(CommitteeEvent.class, "CommitteeKey", "committeeId"))));
    }

    /** Realistic instances of every event, several where nullable fields or variants matter. */
    @Override
    protected Map<Class<?>, List<Object>> samples() {
        Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
        samples.put(CommitteeRegistered.class, List.of(
                new CommitteeRegistered("cc-central", "中共中央", CommitteeLevel.CENTRAL, null, 30, DEFAULT_POLICY,
                        List.of()),
                new CommitteeRegistered("cc-zj", "中共浙江省委", CommitteeLevel.PROVINCIAL, "cc-central", 18,
                        new ReportPolicy("--02-15", "--10-31", List.of(-14, 0, 7), "CN-ZJ"),
                        List.of("CADRE_APPOINTMENT", "DISCIPLINE_INSPECTION"))));
        samples.put(OrganQuotaSet.class, List.of(
                new OrganQuotaSet("cc-zj", 20, 18, BY_UPPER_COMMITTEE)));
        samples.put(OrganQuotaSlotTaken.class, List.of(
                new OrganQuotaSlotTaken("cc-zj", "org-zj-zzb", OrganKind.FUNCTIONAL_DEPARTMENT, true, DAY),
                new OrganQuotaSlotTaken("cc-zj", "org-zj-wlb", OrganKind.FUNCTIONAL_DEPARTMENT, false, DAY)));
        samples.put(OrganQuotaSlotReleased.class, List.of(
                new OrganQuotaSlotReleased("cc-zj", "org-zj-old", DAY, "merged into org-zj-zzb"),
                new OrganQuotaSlotReleased("cc-zj", "org-zj-old2", DAY, null)));
        samples.put(OrganCreated.class, List.of(
                new OrganCreated("org-zj-zzb", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central", "中共浙江省委组织部",
                        OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, DAY, 120, 7,
                        BY_UPPER_COMMITTEE, null, null, null, true),
                new OrganCreated("org-c-tzb", "cc-central", CommitteeLevel.CENTRAL, null, "中央统战部",
                        OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.MERGED, DAY, 300, 9, BY_PARTY_CENTRE,
                        "国家宗教事务局", null, null, true),
                new OrganCreated("org-zj-wab", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central",
                        "省委网络安全和信息化委员会办公室", OrganKind.WORKING_BODY, EstablishmentMode.CO_LOCATED, DAY, 60, 5,
                        BY_UPPER_COMMITTEE, "org-zj-xcb", "省委网络安全和信息化委员会", null, false),
                new OrganCreated("org-zj-gzw", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central", "省委金融工委",
                        OrganKind.DISPATCHED_ORGAN, EstablishmentMode.STANDALONE, DAY, 40, 5, BY_UPPER_COMMITTEE,
                        null, null, "金融系统", true)));
        samples.put(OrganChanged.class, List.of(
                new OrganChanged("org-zj-zzb", "cc-zj", DAY, BY_UPPER_COMMITTEE, "中共浙江省委组织部", 130, 7)));
        samples.put(OrganAbolished.class, List.of(
                new OrganAbolished("org-zj-old", "cc-zj", DAY, BY_UPPER_COMMITTEE, "职能划入省委组织部", null),
                new OrganAbolished("org-zj-old2", "cc-zj", DAY, BY_UPPER_COMMITTEE, "merged into org-zj-zzb",
                        "org-zj-zzb")));
        samples.put(OrgansMerged.class, List.of(
                new OrgansMerged("org-zj-zzb", "cc-zj", "org-zj-zzb", List.of("org-zj-old2", "org-zj-old3"), DAY,
                        BY_UPPER_COMMITTEE)));
        samples.put(LeaderAppointed.class, List.of(
                new LeaderAppointed("org-zj-zzb", "cc-zj", "p-1001", "王明", LeaderRole.PRINCIPAL,
                        LocalDate.of(2026, 3, 5), true, null),
                new LeaderAppointed("org-c-bgt", "cc-central", "p-2001", "赵强", LeaderRole.SECRETARY_GENERAL,
                        LocalDate.of(2026, 3, 5), false, BY_PARTY_CENTRE)));
        samples.put(LeaderRemoved.class, List.of(
                new LeaderRemoved("org-zj-zzb", "cc-zj", "p-1002", "李华", LeaderRole.DEPUTY, DAY, "调任省政府")));
        samples.put(InternalBodyEstablished.class, List.of(
                new InternalBodyEstablished("org-zj-zzb", "cc-zj", "ib-ganbu1", "干部一处", BY_OWN_COMMITTEE,
                        BY_OWN_COMMITTEE.approvedOn())));
        samples.put(InternalBodyAbolished.class, List.of(
                new InternalBodyAbolished("org-zj-zzb", "cc-zj", "ib-ganbu1", "干部一处", BY_OWN_COMMITTEE, DAY)));
        samples.put(InternalBodyChanged.class, List.of(
                new InternalBodyChanged("org-zj-zzb", "cc-zj", "ib-ganbu1", "干部一处", "干部监督处", "负责干部监督工作",
                        BY_OWN_COMMITTEE, DAY),
                new InternalBodyChanged("org-zj-zzb", "cc-zj", "ib-ganbu2", "干部二处", "干部教育处", null,
                        BY_OWN_COMMITTEE, DAY)));
        samples.put(InternalBodiesMerged.class, List.of(
                new InternalBodiesMerged("org-zj-zzb", "cc-zj", "ib-ganbu1", List.of("ib-ganbu2", "ib-ganbu3"),
                        "干部处", BY_OWN_COMMITTEE, DAY)));
        samples.put(HeadcountReported.class, List.of(
                new HeadcountReported("org-zj-zzb", "cc-zj", 112, DAY, 120)));
        samples.put(DutyAssigned.class, List.of(
                new DutyAssigned("org-zj-zzb", "cc-zj", "CADRE_SUPERVISION", "负责干部监督工作")));
        samples.put(AnnualReportFiled.class, List.of(
                new AnnualReportFiled("org-zj-zzb", "cc-zj", 2025, LocalDate.of(2026, 1, 20), "浙组〔2026〕3号",
                        "2025年度全面工作情况报告", false, "p-1001", SigningBasis.PRINCIPAL, null),
                new AnnualReportFiled("org-zj-zzb", "cc-zj", 2025, LocalDate.of(2026, 2, 20), "浙组〔2026〕8号",
                        "2025年度工作情况补充报告", true, "p-1002", SigningBasis.DESIGNATED_BY_COMMITTEE,
                        new SigningMandate("cc-zj", "浙委干〔2026〕4号", LocalDate.of(2026, 2, 1))),
                // filed before signers were recorded
                new AnnualReportFiled("org-zj-zzb", "cc-zj", 2024, LocalDate.of(2025, 1, 20), "浙组〔2025〕3号",
                        "2024年度全面工作情况报告", false, null, null, null)));
        samples.put(SpecialReportFiled.class, List.of(
                new SpecialReportFiled("org-zj-zzb", "cc-zj", "sr-2026-01", "贯彻落实中央八项规定精神情况",
                        LocalDate.of(2026, 3, 20), "浙组〔2026〕9号", "中办发〔2025〕1号", DAY, "p-1003",
                        SigningBasis.DELEGATED_BY_PRINCIPAL, new SigningMandate("p-1001", null, LocalDate.of(2026, 3, 18)),
                        "srr-2026-01"),
                new SpecialReportFiled("org-zj-zzb", "cc-zj", "sr-2026-02", "巡视整改落实情况", DAY, "浙组〔2026〕11号",
                        null, null, null, null, null, null)));
        samples.put(SpecialReportRequested.class, List.of(
                new SpecialReportRequested("org-zj-zzb", "cc-zj", "srr-2026-01", "贯彻落实中央八项规定精神情况",
                        LocalDate.of(2026, 3, 1), DAY)));
        samples.put(FindingRecorded.class, List.of(
                new FindingRecorded("org-zj-zzb", "cc-zj", "f-2026-01", FindingSource.INSPECTION_TOUR,
                        "选人用人工作存在不规范问题", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 3, 10))));
        samples.put(RectificationReported.class, List.of(
                new RectificationReported("org-zj-zzb", "cc-zj", "f-2026-01", DAY, "已完成制度修订并开展专项检查", true)));
        samples.put(AssessmentRecorded.class, List.of(
                new AssessmentRecorded("org-zj-zzb", "cc-zj", 2025, AssessmentGrade.GOOD, LocalDate.of(2026, 2, 28),
                        "省直机关范围内通报")));
        samples.put(AccountabilityMeasureRecorded.class, List.of(
                new AccountabilityMeasureRecorded("org-zj-zzb", "cc-zj", "m-2026-01", "p-1002",
                        AccountabilityMeasure.TALK_REMINDER, "落实整改责任不到位", DAY)));
        samples.put(IntegrityStatementFiled.class, List.of(
                new IntegrityStatementFiled("org-zj-zzb", "cc-zj", "p-1001", 2025, LocalDate.of(2026, 1, 15))));
        samples.put(PersonalMattersReportFiled.class, List.of(
                new PersonalMattersReportFiled("org-zj-zzb", "cc-zj", "p-1001", 2025, LocalDate.of(2026, 1, 20))));
        return samples;
    }

    // ------------------------------------------------------------------------- the rules of this domain

    @Test
    void conditionalRulesOfTheDomainAreInTheSchemas() {
        // R-COM-1: only the central committee has no parent.
        ObjectNode provincial = JSON.valueToTree(samplesOf(CommitteeRegistered.class).get(1));
        provincial.putNull("parentCommitteeId");
        assertThat(messages("CommitteeRegistered", provincial)).isNotEmpty();
        ObjectNode central = JSON.valueToTree(samplesOf(CommitteeRegistered.class).get(0));
        central.put("parentCommitteeId", "cc-zj");
        assertThat(messages("CommitteeRegistered", central)).isNotEmpty();
        // R-ORG-3: merged or co-located organs name their related department.
        ObjectNode merged = JSON.valueToTree(samplesOf(OrganCreated.class).get(1));
        merged.putNull("relatedDepartment");
        assertThat(messages("OrganCreated", merged)).isNotEmpty();
        // R-ORG-1: a working body names its coordination body, a dispatched organ its field.
        ObjectNode workingBody = JSON.valueToTree(samplesOf(OrganCreated.class).get(2));
        workingBody.putNull("coordinationBody");
        assertThat(messages("OrganCreated", workingBody)).isNotEmpty();
        ObjectNode dispatched = JSON.valueToTree(samplesOf(OrganCreated.class).get(3));
        dispatched.putNull("field");
        assertThat(messages("OrganCreated", dispatched)).isNotEmpty();
        // R-ORG-2: only a Party Centre approval may leave the approver committee out.
        ObjectNode upper = JSON.valueToTree(samplesOf(OrganQuotaSet.class).get(0));
        ((ObjectNode) upper.get("approval")).putNull("approverCommitteeId");
        assertThat(messages("OrganQuotaSet", upper)).isNotEmpty();
        ObjectNode incomplete = JSON.valueToTree(samplesOf(LeaderAppointed.class).get(1));
        ((ObjectNode) incomplete.get("approval")).remove("documentNo");
        assertThat(messages("LeaderAppointed", incomplete)).isNotEmpty();
        // R-ORG-4: a merger absorbs at least one organ.
        ObjectNode merger = JSON.valueToTree(samplesOf(OrgansMerged.class).get(0));
        merger.putArray("absorbedOrganIds");
        assertThat(messages("OrgansMerged", merger)).isNotEmpty();
        // R-ORG-5: an internal-body merger absorbs at least one body.
        ObjectNode bodyMerger = JSON.valueToTree(samplesOf(InternalBodiesMerged.class).get(0));
        bodyMerger.putArray("absorbedBodyIds");
        assertThat(messages("InternalBodiesMerged", bodyMerger)).isNotEmpty();
        // Ids follow CONTRACT.md's id pattern.
        ObjectNode badId = JSON.valueToTree(samplesOf(DutyAssigned.class).get(0));
        badId.put("organId", "org with spaces");
        assertThat(messages("DutyAssigned", badId)).isNotEmpty();
    }

    @Test
    void approvalSerializesByItsComponentsOnly() {
        JsonNode approval = JSON.valueToTree(BY_UPPER_COMMITTEE);
        assertThat(approval.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("proposedBy", "approvedBy", "approverCommitteeId", "documentNo", "approvedOn");
    }
}
