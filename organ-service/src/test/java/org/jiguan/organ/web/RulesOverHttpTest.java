package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ProblemAssertions.assertInvalidField;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.time.BusinessCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every rule of DOMAIN.md §1, §2, §3 and §5 that organ-service enforces is refused over HTTP with
 * {@code 422 application/problem+json} whose {@code code} is the rule id and whose {@code ruleTitle} names the
 * rule in Chinese. The domain tests cover each rule's cases; these prove the id reaches the client.
 */
class RulesOverHttpTest extends OrganServiceTestBase {
    private String committee;
    private String organ;
    private String o;
    @Autowired
    private Clock clock;

    @BeforeEach
    void organWithAPrincipal() {
        committee = provincialCommittee(3, "RESERVED-DUTY");
        organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        o = "/api/v1/organs/" + organ;
        expectStatus(admin().post(o + "/leaders", leader("m-principal", "PRINCIPAL")), 201);
    }

    @Test
    void R_COM_1_local_committee_without_parent_is_refused() {
        assertRefused(admin().post("/api/v1/committees", Map.of("name", "无上级省委", "level", "PROVINCIAL",
                "organQuota", 3)), "R-COM-1");
    }

    @Test
    void R_COM_2_organ_beyond_the_committees_quota_is_refused() {
        createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        assertRefused(admin().post("/api/v1/organs", organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT")),
                "R-COM-2");
    }

    @Test
    void R_ORG_1_second_general_office_is_refused() {
        createOrgan(committee, "GENERAL_OFFICE");
        assertRefused(admin().post("/api/v1/organs", organBody(committee, uniqueId("o"), "GENERAL_OFFICE")),
                "R-ORG-1");
    }

    @Test
    void R_ORG_2_approval_by_the_committee_alone_is_refused_for_a_local_organ() {
        Map<String, Object> body = organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
        Map<String, Object> approval = new HashMap<>(approvalFor(committee));
        approval.put("approvedBy", "COMMITTEE");
        approval.put("approverCommitteeId", committee);
        body.put("approval", approval);
        assertRefused(admin().post("/api/v1/organs", body), "R-ORG-2");
    }

    @Test
    void R_ORG_3_merged_establishment_without_related_department_is_refused() {
        Map<String, Object> body = organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
        body.put("mode", "MERGED");
        assertRefused(admin().post("/api/v1/organs", body), "R-ORG-3");
    }

    @Test
    void R_ORG_4_abolished_organ_accepts_no_further_commands() {
        expectStatus(admin().post(o + "/abolition", Map.of("abolishedOn", "2025-12-31",
                "approval", approvalFor(committee), "reason", "机构改革")), 204);
        assertRefused(admin().post(o + "/changes", Map.of("changedOn", "2026-01-05",
                "approval", approvalFor(committee), "name", "新名称")), "R-ORG-4");
    }

    @Test
    void R_ORG_4_abolition_dated_in_the_future_is_a_400_naming_abolishedOn() {
        String later = BusinessCalendar.today(clock).plusDays(2).toString();
        assertInvalidField(admin().post(o + "/abolition", Map.of("abolishedOn", later,
                "approval", approvalFor(committee), "reason", "机构改革")), "abolishedOn");
    }

    @Test
    void R_ORG_5_internal_body_without_approval_is_refused() {
        assertRefused(admin().post(o + "/internal-bodies", Map.of("bodyId", "office", "name", "办公室")), "R-ORG-5");
    }

    @Test
    void R_ORG_5_internal_bodies_are_changed_and_merged_on_approval_and_refused_without() {
        Map<String, Object> approval = new HashMap<>(approvalFor(committee));
        approval.put("approvedBy", "COMMITTEE");
        approval.put("approverCommitteeId", committee);
        expectStatus(admin().post(o + "/internal-bodies", Map.of("bodyId", "b1", "name", "干部一处",
                "approval", approval)), 201);
        expectStatus(admin().post(o + "/internal-bodies", Map.of("bodyId", "b2", "name", "干部二处",
                "approval", approval)), 201);
        assertRefused(admin().post(o + "/internal-bodies/b1/changes", Map.of("name", "干部监督处")), "R-ORG-5");
        expectStatus(admin().post(o + "/internal-bodies/b1/changes", Map.of("name", "干部监督处",
                "tasks", "负责干部监督工作", "approval", approval)), 204);
        assertRefused(admin().post(o + "/internal-bodies/b1/mergers", Map.of("absorbedBodyIds", List.of("b1"),
                "approval", approval)), "R-ORG-5");
        expectStatus(admin().post(o + "/internal-bodies/b1/mergers", Map.of("absorbedBodyIds", List.of("b2"),
                "name", "干部处", "approval", approval)), 204);
        expectStatus(admin().post(o + "/internal-bodies/b2/changes", Map.of("name", "已并入", "approval", approval)),
                404);
    }

    @Test
    void R_ORG_6_headcount_over_the_staffing_quota_is_refused() {
        assertRefused(admin().post(o + "/headcount", Map.of("headcount", 21, "asOf", "2025-01-01")), "R-ORG-6");
    }

    @Test
    void R_ORG_6_headcount_over_the_staffing_quota_in_force_on_its_date_is_refused() {
        // Staffing quota 20, raised to 25 from 2025-01-01: 22 staff as of 2024-06-30 were over the quota then.
        expectStatus(admin().post(o + "/changes", Map.of("changedOn", "2025-01-01",
                "approval", approvalFor(committee), "staffingQuota", 25)), 204);
        assertRefused(admin().post(o + "/headcount", Map.of("headcount", 22, "asOf", "2024-06-30")), "R-ORG-6");
        expectStatus(admin().post(o + "/headcount", Map.of("headcount", 22, "asOf", "2025-02-01")), 204);
    }

    @Test
    void R_ORG_7_duty_reserved_to_the_committee_is_refused() {
        assertRefused(admin().post(o + "/duties", Map.of("dutyCode", "RESERVED-DUTY", "description", "保留事项")),
                "R-ORG-7");
    }

    @Test
    void R_LEAD_1_removal_before_the_member_joined_is_refused() {
        assertRefused(admin().post(o + "/leaders/m-principal/removal", Map.of("on", "2024-01-01", "reason", "x")),
                "R-LEAD-1");
    }

    @Test
    void R_LEAD_2_posts_beyond_the_approved_number_are_refused() {
        expectStatus(admin().post(o + "/leaders", leader("m-deputy-1", "DEPUTY")), 201);
        expectStatus(admin().post(o + "/leaders", leader("m-member", "MEMBER")), 201);
        assertRefused(admin().post(o + "/leaders", leader("m-deputy-2", "DEPUTY")), "R-LEAD-2");
    }

    @Test
    void R_LEAD_2_appointment_from_a_date_a_removed_leader_still_held_the_only_post_is_refused() {
        Map<String, Object> body = organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
        body.put("leadershipQuota", 1);
        expectStatus(admin().post("/api/v1/organs", body), 201);
        String one = "/api/v1/organs/" + body.get("organId");
        expectStatus(admin().post(one + "/leaders", leader("m-a", "DEPUTY")), 201);
        expectStatus(admin().post(one + "/leaders/m-a/removal", Map.of("on", "2025-06-30", "reason", "调任")), 204);
        assertRefused(admin().post(one + "/leaders", leader("m-b", "DEPUTY", "2025-01-01")), "R-LEAD-2");
    }

    @Test
    void R_LEAD_3_second_principal_is_refused() {
        assertRefused(admin().post(o + "/leaders", leader("m-other", "PRINCIPAL")), "R-LEAD-3");
    }

    @Test
    void R_LEAD_3_second_principal_from_a_date_the_recorded_one_still_served_is_refused() {
        expectStatus(admin().post(o + "/leaders/m-principal/removal", Map.of("on", "2025-06-30", "reason", "调任")),
                204);
        assertRefused(admin().post(o + "/leaders", leader("m-other", "PRINCIPAL", "2025-01-01")), "R-LEAD-3");
        expectStatus(admin().post(o + "/leaders", leader("m-other", "PRINCIPAL", "2025-06-30")), 201);
    }

    @Test
    void R_LEAD_4_executive_deputy_under_a_full_time_principal_is_refused() {
        assertRefused(admin().post(o + "/leaders", leader("m-exec", "EXECUTIVE_DEPUTY")), "R-LEAD-4");
    }

    @Test
    void R_LEAD_5_secretary_general_in_a_local_organ_is_refused() {
        assertRefused(admin().post(o + "/leaders", leader("m-sg", "SECRETARY_GENERAL")), "R-LEAD-5");
    }

    @Test
    void R_SUP_1_annual_report_for_a_future_year_is_refused() {
        assertRefused(admin().post(o + "/annual-reports", Map.of("year", 2099, "filedOn", "2025-01-10",
                "documentNo", "文1号", "summary", "未来年度")), "R-SUP-1");
    }

    @Test
    void R_SUP_1_late_annual_report_of_an_organ_abolished_since_is_recorded() {
        expectStatus(admin().post(o + "/abolition", Map.of("abolishedOn", "2025-06-30",
                "approval", approvalFor(committee), "reason", "机构改革")), 204);
        expectStatus(admin().post(o + "/annual-reports", Map.of("year", 2024, "filedOn", "2025-03-01",
                "documentNo", "文3号", "summary", "2024年度工作情况", "signedBy", "m-principal")), 201);
        assertRefused(admin().post(o + "/annual-reports", Map.of("year", 2024, "filedOn", "2025-07-01",
                "documentNo", "文4号", "summary", "撤销后报送", "supplement", true)), "R-ORG-4");
    }

    @Test
    void R_SUP_3_special_report_filed_in_the_future_is_a_400_naming_filedOn() {
        assertInvalidField(admin().post(o + "/special-reports", Map.of("subject", "落实情况", "filedOn",
                BusinessCalendar.today(clock).plusMonths(1).toString(), "documentNo", "文2号")), "filedOn");
    }

    @Test
    void R_DOC_1_a_report_signed_by_a_deputy_as_the_principal_or_by_nobody_is_refused() {
        expectStatus(admin().post(o + "/leaders", leader("m-deputy", "DEPUTY")), 201);
        Map<String, Object> report = new HashMap<>(Map.of("year", 2025, "filedOn", "2026-01-10",
                "documentNo", "文5号", "summary", "2025年度工作情况"));
        assertRefused(admin().post(o + "/annual-reports", report), "R-DOC-1");
        report.put("signedBy", "m-deputy");
        assertRefused(admin().post(o + "/annual-reports", report), "R-DOC-1");
        report.put("signingBasis", "DELEGATED_BY_PRINCIPAL");
        report.put("signingMandate", Map.of("grantedBy", "m-principal", "grantedOn", "2026-01-05"));
        expectStatus(admin().post(o + "/annual-reports", report), 201);
    }

    @Test
    void R_SUP_3_a_committee_requests_a_special_report_and_an_answer_to_an_unknown_request_is_refused() {
        String requests = "/api/v1/committees/" + committee + "/special-report-requests";
        ApiClient.Response requested = expectStatus(admin().post(requests, Map.of("organId", organ,
                "subject", "贯彻落实重大决策部署情况", "requestedOn", "2025-05-01", "dueOn", "2025-05-31")), 201);
        String requestId = requested.body().path("requestId").asText();
        assertRefused(admin().post(requests, Map.of("organId", organ, "subject", "落实情况",
                "requestedOn", "2025-05-01", "dueOn", "2025-04-30")), "R-SUP-3");
        assertRefused(admin().post(o + "/special-reports", Map.of("subject", "落实情况", "filedOn", "2025-06-01",
                "documentNo", "文6号", "signedBy", "m-principal", "requestId", "no-such-request")), "R-SUP-3");
        expectStatus(admin().post(o + "/special-reports", Map.of("subject", "落实情况", "filedOn", "2025-06-10",
                "documentNo", "文6号", "signedBy", "m-principal", "requestId", requestId)), 201);
    }

    @Test
    void R_SUP_4_rectification_deadline_before_the_finding_is_refused() {
        assertRefused(admin().post(o + "/findings", Map.of("source", "CIRCUIT_INSPECTION", "description", "问题",
                "recordedOn", "2025-05-01", "rectifyBy", "2025-04-01")), "R-SUP-4");
    }

    @Test
    void R_SUP_5_integrity_statement_of_someone_not_on_the_body_is_refused() {
        assertRefused(admin().post(o + "/integrity-statements", Map.of("memberId", "m-stranger", "year", 2025,
                "filedOn", "2026-01-05")), "R-SUP-5");
    }

    @Test
    void R_SUP_5_personal_matters_report_of_someone_not_on_the_body_is_refused() {
        assertRefused(admin().post(o + "/personal-matters-reports", Map.of("memberId", "m-stranger", "year", 2025,
                "filedOn", "2026-01-05")), "R-SUP-5");
        expectStatus(admin().post(o + "/personal-matters-reports", Map.of("memberId", "m-principal", "year", 2025,
                "filedOn", "2026-01-05")), 201);
    }

    @Test
    void R_SUP_6_second_assessment_for_the_same_year_is_refused() {
        Map<String, Object> assessment = Map.of("year", 2025, "grade", "GOOD", "assessedOn", "2026-01-15",
                "circulation", "全省");
        expectStatus(admin().post(o + "/assessments", assessment), 201);
        assertRefused(admin().post(o + "/assessments", assessment), "R-SUP-6");
    }

    @Test
    void R_SUP_7_measure_against_someone_who_never_sat_on_the_body_is_refused() {
        assertRefused(admin().post(o + "/accountability", Map.of("memberId", "m-stranger", "measure", "ADMONISHMENT",
                "reason", "x", "decidedOn", "2025-06-01")), "R-SUP-7");
    }

    private static Map<String, Object> leader(String memberId, String role) {
        return leader(memberId, role, "2024-04-01");
    }

    private static Map<String, Object> leader(String memberId, String role, String since) {
        return Map.of("memberId", memberId, "name", "成员" + memberId, "role", role, "since", since);
    }

    private static void assertRefused(ApiClient.Response r, String ruleId) {
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(ruleId);
        assertThat(r.body().path("type").asText()).contains(ruleId);
        assertThat(r.body().path("detail").asText()).isNotBlank();
        assertThat(r.body().path("ruleTitle").asText()).as("Chinese title of %s", ruleId)
                .matches(".*\\p{IsHan}.*");
    }
}
