package org.jiguan.organ;

import java.util.List;
import java.util.Map;

import org.jiguan.platform.testing.ApiClient;

/**
 * One organ's life over HTTP that touches every organ-service endpoint and so produces every event type:
 * establishment, quota change, leadership, internal bodies, staffing, duties, reports, supervision, merger.
 */
public final class OrganStory {
    public final String committee;
    public final String organ;
    public final String absorbed;

    private OrganStory(String committee, String organ, String absorbed) {
        this.committee = committee;
        this.organ = organ;
        this.absorbed = absorbed;
    }

    public static OrganStory run(OrganServiceTestBase test) {
        ApiClient admin = test.admin();
        String committee = test.provincialCommittee(5, "RESERVED-PERSONNEL");
        Map<String, Object> approval = test.approvalFor(committee);
        ok(admin.post("/api/v1/committees/" + committee + "/organ-quota",
                Map.of("organQuota", 6, "approval", approval)), 204);
        String organ = test.createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        String absorbed = test.createOrgan(committee, "WORKING_BODY");
        String o = "/api/v1/organs/" + organ;
        ok(admin.post(o + "/changes", Map.of("changedOn", "2024-06-01", "approval", approval,
                "name", "省委组织部", "staffingQuota", 30, "leadershipQuota", 4)), 204);
        ok(admin.post(o + "/leaders", Map.of("memberId", "m-zhang", "name", "张三", "role", "PRINCIPAL",
                "since", "2024-04-01")), 201);
        ok(admin.post(o + "/leaders", Map.of("memberId", "m-li", "name", "李四", "role", "DEPUTY",
                "since", "2024-04-01")), 201);
        ok(admin.post(o + "/leaders/m-li/removal", Map.of("on", "2025-03-01", "reason", "调任")), 204);
        ok(admin.post(o + "/internal-bodies", Map.of("bodyId", "office", "name", "办公室", "approval", approval)), 201);
        ok(admin.post(o + "/internal-bodies", Map.of("bodyId", "research", "name", "研究室", "approval", approval)), 201);
        ok(admin.post(o + "/internal-bodies/research/abolition", Map.of("approval", approval, "on", "2025-02-01")), 204);
        ok(admin.post(o + "/internal-bodies", Map.of("bodyId", "cadres", "name", "干部处", "approval", approval)), 201);
        ok(admin.post(o + "/internal-bodies/office/changes", Map.of("name", "办公室（研究室）", "tasks", "综合协调、政策研究",
                "approval", approval, "on", "2025-02-01")), 204);
        ok(admin.post(o + "/internal-bodies/office/mergers", Map.of("absorbedBodyIds", List.of("cadres"),
                "approval", approval, "on", "2025-03-01")), 204);
        ok(admin.post(o + "/headcount", Map.of("headcount", 18, "asOf", "2025-01-01")), 204);
        ok(admin.post(o + "/duties", Map.of("dutyCode", "cadre-management", "description", "干部管理")), 204);
        ok(admin.post(o + "/annual-reports", Map.of("year", 2025, "filedOn", "2026-01-10", "documentNo", "组文〔2026〕1号",
                "summary", "2025年度全面工作情况报告", "signedBy", "m-zhang")), 201);
        ok(admin.post("/api/v1/committees/" + committee + "/special-report-requests", Map.of("requestId", "rq-1",
                "organId", organ, "subject", "贯彻落实重大决策部署情况", "requestedOn", "2025-05-10",
                "dueOn", "2025-05-31")), 201);
        ok(admin.post(o + "/special-reports", Map.of("subject", "贯彻落实重大决策部署情况", "filedOn", "2025-06-01",
                "requestId", "rq-1", "documentNo", "组文〔2025〕8号", "relatesTo", "省委决定〔2025〕3号",
                "signedBy", "m-zhang")), 201);
        ApiClient.Response finding = ok(admin.post(o + "/findings", Map.of("source", "INSPECTION_TOUR",
                "description", "选人用人不规范", "rectifyBy", "2025-12-31", "recordedOn", "2025-05-10")), 201);
        String findingId = finding.body().path("findingId").asText();
        ok(admin.post(o + "/findings/" + findingId + "/rectifications", Map.of("reportedOn", "2025-09-01",
                "description", "已建立制度", "completed", true)), 201);
        ok(admin.post(o + "/assessments", Map.of("year", 2025, "grade", "GOOD", "assessedOn", "2026-01-15",
                "circulation", "全省通报")), 201);
        ok(admin.post(o + "/accountability", Map.of("memberId", "m-li", "measure", "TALK_REMINDER",
                "reason", "督促不力", "decidedOn", "2025-04-01")), 201);
        ok(admin.post(o + "/integrity-statements", Map.of("memberId", "m-zhang", "year", 2025,
                "filedOn", "2026-01-05")), 201);
        ok(admin.post(o + "/personal-matters-reports", Map.of("memberId", "m-zhang", "year", 2025,
                "filedOn", "2026-01-06")), 201);
        ok(admin.post(o + "/mergers", Map.of("absorbedOrganIds", List.of(absorbed), "mergedOn", "2025-07-01",
                "approval", approval)), 204);
        return new OrganStory(committee, organ, absorbed);
    }

    private static ApiClient.Response ok(ApiClient.Response response, int status) {
        return OrganServiceTestBase.expectStatus(response, status);
    }
}
