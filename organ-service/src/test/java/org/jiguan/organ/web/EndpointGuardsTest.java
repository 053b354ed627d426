package org.jiguan.organ.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.EndpointGuards;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Every organ-service endpoint refuses a missing or forged token (401), a caller without the role or outside
 * its scope (403), a malformed body and a body missing required fields (400), all as problem+json: the checks of
 * {@link EndpointGuards} over organ-service's endpoints.
 */
class EndpointGuardsTest extends OrganServiceTestBase implements EndpointGuards {
    private String committee;
    private String organ;

    /** Endpoint, the role that may call it, and a body that passes validation. */
    static Stream<Arguments> endpoints() {
        Map<String, Object> approval = Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", "x", "documentNo", "编字〔2024〕9号", "approvedOn", "2024-02-20");
        return Stream.of(
                Arguments.of("/api/v1/committees", "COMMITTEE_OFFICE", null),
                Arguments.of("/api/v1/committees/{c}/organ-quota", "COMMITTEE_OFFICE",
                        Map.of("organQuota", 12, "approval", approval)),
                Arguments.of("/api/v1/organs", "COMMITTEE_OFFICE", null),
                Arguments.of("/api/v1/organs/{o}/changes", "COMMITTEE_OFFICE",
                        Map.of("changedOn", "2025-01-01", "approval", approval, "name", "新名称")),
                Arguments.of("/api/v1/organs/{o}/abolition", "COMMITTEE_OFFICE",
                        Map.of("abolishedOn", "2025-01-01", "approval", approval, "reason", "机构改革")),
                Arguments.of("/api/v1/organs/{o}/mergers", "COMMITTEE_OFFICE",
                        Map.of("absorbedOrganIds", List.of("x"), "mergedOn", "2025-01-01", "approval", approval)),
                Arguments.of("/api/v1/organs/{o}/leaders", "COMMITTEE_OFFICE",
                        Map.of("memberId", "m1", "name", "张三", "role", "PRINCIPAL", "since", "2024-04-01")),
                Arguments.of("/api/v1/organs/{o}/leaders/m1/removal", "COMMITTEE_OFFICE",
                        Map.of("on", "2025-01-01", "reason", "调任")),
                Arguments.of("/api/v1/organs/{o}/internal-bodies", "COMMITTEE_OFFICE",
                        Map.of("bodyId", "b1", "name", "办公室", "approval", approval)),
                Arguments.of("/api/v1/organs/{o}/internal-bodies/b1/abolition", "COMMITTEE_OFFICE",
                        Map.of("approval", approval)),
                Arguments.of("/api/v1/organs/{o}/internal-bodies/b1/changes", "COMMITTEE_OFFICE",
                        Map.of("name", "干部监督处", "approval", approval)),
                Arguments.of("/api/v1/organs/{o}/internal-bodies/b1/mergers", "COMMITTEE_OFFICE",
                        Map.of("absorbedBodyIds", List.of("b2"), "approval", approval)),
                Arguments.of("/api/v1/organs/{o}/headcount", "ORGAN_OFFICE",
                        Map.of("headcount", 5, "asOf", "2025-01-01")),
                Arguments.of("/api/v1/organs/{o}/duties", "COMMITTEE_OFFICE",
                        Map.of("dutyCode", "d1", "description", "统筹协调")),
                Arguments.of("/api/v1/organs/{o}/annual-reports", "ORGAN_OFFICE",
                        Map.of("year", 2025, "filedOn", "2026-01-10", "documentNo", "文1号", "summary", "全年工作")),
                Arguments.of("/api/v1/organs/{o}/special-reports", "ORGAN_OFFICE",
                        Map.of("subject", "落实情况", "filedOn", "2025-06-01", "documentNo", "文2号")),
                Arguments.of("/api/v1/committees/{c}/special-report-requests", "COMMITTEE_OFFICE",
                        Map.of("organId", "x", "subject", "落实情况", "dueOn", "2025-06-30")),
                Arguments.of("/api/v1/organs/{o}/findings", "COMMITTEE_OFFICE",
                        Map.of("source", "INSPECTION_TOUR", "description", "问题", "rectifyBy", "2025-12-31")),
                Arguments.of("/api/v1/organs/{o}/findings/f1/rectifications", "ORGAN_OFFICE",
                        Map.of("reportedOn", "2025-06-01", "description", "已整改", "completed", true)),
                Arguments.of("/api/v1/organs/{o}/assessments", "COMMITTEE_OFFICE",
                        Map.of("year", 2025, "grade", "GOOD", "assessedOn", "2026-01-15", "circulation", "全省")),
                Arguments.of("/api/v1/organs/{o}/accountability", "COMMITTEE_OFFICE",
                        Map.of("memberId", "m1", "measure", "TALK_REMINDER", "reason", "履职不力",
                                "decidedOn", "2025-05-01")),
                Arguments.of("/api/v1/organs/{o}/integrity-statements", "ORGAN_OFFICE",
                        Map.of("memberId", "m1", "year", 2025, "filedOn", "2026-01-05")),
                Arguments.of("/api/v1/organs/{o}/personal-matters-reports", "ORGAN_OFFICE",
                        Map.of("memberId", "m1", "year", 2025, "filedOn", "2026-01-05")));
    }

    @BeforeEach
    void organExists() {
        committee = provincialCommittee(10);
        organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
    }

    @Override
    public String path(String template) {
        return template.replace("{c}", committee).replace("{o}", organ);
    }

    @Override
    public Object body(String endpoint, Object given) {
        if (given != null) {
            return given;
        }
        if (endpoint.equals("/api/v1/organs")) {
            return organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
        }
        return Map.of("name", "某市委", "level", "MUNICIPAL", "parentCommitteeId", committee, "organQuota", 5);
    }

    @Override
    public String creatingEndpoint() {
        return "/api/v1/organs";
    }

    @Override
    public Set<Integer> statusesOfAnEmptyBody(String endpoint) {
        // Its body has no required field; the approval is a rule (R-ORG-5) decided in the domain.
        return endpoint.endsWith("internal-bodies/b1/abolition") ? Set.of(404, 422) : Set.of();
    }

    @Override
    public Map<String, Object> wronglyTypedBody() {
        Map<String, Object> wrong = new HashMap<>(Map.of("organQuota", "many", "headcount", "many",
                "year", "last", "level", "GALACTIC", "kind", "NONE", "since", "yesterday", "filedOn", "soon",
                "completed", "maybe", "on", "31/12/2025"));
        wrong.putAll(Map.of("changedOn", "x", "abolishedOn", "x", "mergedOn", "x"));
        return wrong;
    }
}
