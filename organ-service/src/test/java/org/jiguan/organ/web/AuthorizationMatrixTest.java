package org.jiguan.organ.web;

import java.util.List;
import java.util.Map;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.AuthorizationMatrix;

/**
 * CONTRACT.md "Security" over every organ-service operation: each role with each scope of
 * {@link AuthorizationMatrix#SCOPES} against an organ of a provincial committee under a central one. The roles each
 * operation needs are the table below; an operation of {@code /v3/api-docs} without a row fails.
 */
class AuthorizationMatrixTest extends OrganServiceTestBase implements AuthorizationMatrix.Service {
    private static final String OPERATIONS = """
            operation                                                            | roles
            POST /api/v1/committees                                              | COMMITTEE_OFFICE
            POST /api/v1/committees/{committeeId}/organ-quota                    | COMMITTEE_OFFICE
            POST /api/v1/committees/{committeeId}/special-report-requests        | COMMITTEE_OFFICE
            POST /api/v1/organs                                                  | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/changes                                | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/abolition                              | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/mergers                                | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/leaders                                | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/leaders/{memberId}/removal             | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/internal-bodies                        | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/internal-bodies/{bodyId}/abolition     | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/internal-bodies/{bodyId}/changes       | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/internal-bodies/{bodyId}/mergers       | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/duties                                 | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/findings                               | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/assessments                            | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/accountability                         | COMMITTEE_OFFICE
            POST /api/v1/organs/{organId}/headcount                              | ORGAN_OFFICE
            POST /api/v1/organs/{organId}/annual-reports                         | ORGAN_OFFICE
            POST /api/v1/organs/{organId}/special-reports                        | ORGAN_OFFICE
            POST /api/v1/organs/{organId}/integrity-statements                   | ORGAN_OFFICE
            POST /api/v1/organs/{organId}/personal-matters-reports               | ORGAN_OFFICE
            POST /api/v1/organs/{organId}/findings/{findingId}/rectifications    | ORGAN_OFFICE
            GET /api/v1/unpublished-events                                       | ADMIN
            POST /api/v1/unpublished-events/{id}/retry                           | ADMIN
            """;

    private AuthorizationMatrix.Target target;

    @Override
    public String operationTable() {
        return OPERATIONS;
    }

    @Override
    public AuthorizationMatrix.Target arrangeTarget() {
        String province = provincialCommittee(30);
        target = new AuthorizationMatrix.Target(province, parentOf(province),
                createOrgan(province, "FUNCTIONAL_DEPARTMENT"), createOrgan(province, "FUNCTIONAL_DEPARTMENT"));
        return target;
    }

    @Override
    public String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1)
                .replace("{committeeId}", target.committee()).replace("{organId}", target.organ())
                .replace("{memberId}", "m1").replace("{bodyId}", "b1").replace("{findingId}", "f1")
                .replace("{id}", "x");
    }

    @Override
    public Object body(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        Map<String, Object> approval = approvalFor(target.committee());
        return switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "committees" -> Map.of("name", "某市委", "level", "MUNICIPAL", "parentCommitteeId", target.committee(),
                    "organQuota", 5);
            case "organ-quota" -> Map.of("organQuota", 40, "approval", approval);
            case "special-report-requests" -> Map.of("organId", target.organ(), "subject", "落实情况",
                    "dueOn", "2025-06-30");
            case "organs" -> organBody(target.committee(), uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
            case "changes" -> path.contains("internal-bodies") ? Map.of("name", "干部监督处", "approval", approval)
                    : Map.of("changedOn", "2025-01-01", "approval", approval, "name", "新名称");
            case "abolition" -> path.contains("internal-bodies") ? Map.of("approval", approval)
                    : Map.of("abolishedOn", "2025-01-01", "approval", approval, "reason", "机构改革");
            case "mergers" -> path.contains("internal-bodies") ? Map.of("absorbedBodyIds", List.of("b2"),
                    "approval", approval) : Map.of("absorbedOrganIds", List.of(target.otherOrgan()),
                    "mergedOn", "2025-01-01", "approval", approval);
            case "leaders" -> Map.of("memberId", "m1", "name", "张三", "role", "PRINCIPAL", "since", "2024-04-01");
            case "removal" -> Map.of("on", "2025-01-01", "reason", "调任");
            case "internal-bodies" -> Map.of("bodyId", "b1", "name", "办公室", "approval", approval);
            case "duties" -> Map.of("dutyCode", "d1", "description", "统筹协调");
            case "findings" -> Map.of("source", "INSPECTION_TOUR", "description", "问题", "rectifyBy", "2025-12-31");
            case "assessments" -> Map.of("year", 2025, "grade", "GOOD", "assessedOn", "2026-01-15", "circulation", "全省");
            case "accountability" -> Map.of("memberId", "m1", "measure", "TALK_REMINDER", "reason", "履职不力",
                    "decidedOn", "2025-05-01");
            case "headcount" -> Map.of("headcount", 5, "asOf", "2025-01-01");
            case "annual-reports" -> Map.of("year", 2025, "filedOn", "2026-01-10", "documentNo", "文1号",
                    "summary", "全年工作");
            case "special-reports" -> Map.of("subject", "落实情况", "filedOn", "2025-06-01", "documentNo", "文2号");
            case "integrity-statements", "personal-matters-reports" -> Map.of("memberId", "m1", "year", 2025,
                    "filedOn", "2026-01-05");
            case "rectifications" -> Map.of("reportedOn", "2025-06-01", "description", "已整改", "completed", true);
            default -> Map.of();
        };
    }
}
