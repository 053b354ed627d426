package org.jiguan.organ;

import java.util.Map;

import org.jiguan.platform.testing.ApiClient;

/** Request bodies shared by the tests that drive a separately started organ-service. */
public final class TestRequests {
    private TestRequests() {
    }

    /** Registers a central committee and a provincial one under it with the given organ quota, expecting 201s. */
    public static void registerCommittees(ApiClient admin, String central, String province, int organQuota) {
        created(admin.post("/api/v1/committees", Map.of("committeeId", central, "name", "党中央",
                "level", "CENTRAL", "organQuota", 10)));
        created(admin.post("/api/v1/committees", Map.of("committeeId", province, "name", "某省委",
                "level", "PROVINCIAL", "parentCommitteeId", central, "organQuota", organQuota)));
    }

    public static void created(ApiClient.Response response) {
        OrganServiceTestBase.expectStatus(response, 201);
    }

    /** A functional department of a provincial committee, approved by the central establishment committee. */
    public static Map<String, Object> createOrgan(String committee, String central, String organId) {
        return Map.of("organId", organId, "committeeId", committee, "name", "机关 " + organId,
                "kind", "FUNCTIONAL_DEPARTMENT", "mode", "STANDALONE", "establishedOn", "2024-03-01",
                "staffingQuota", 10, "leadershipQuota", 3,
                "approval", Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                        "approverCommitteeId", central, "documentNo", "编字〔2024〕1号", "approvedOn", "2024-02-20"));
    }
}
