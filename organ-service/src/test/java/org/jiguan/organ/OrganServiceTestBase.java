package org.jiguan.organ;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiguan.platform.testing.ServiceTestBase;
import org.jiguan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs organ-service on a random port against the test JVM's real Kafka broker and MongoDB-compatible server.
 * Subclasses share one application context. Each test builds its own committees with fresh ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrganServiceTestBase extends ServiceTestBase {
    protected static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "organ-service-test");
    }

    /** Registers a central committee and a provincial one under it; returns the provincial committee's id. */
    protected String provincialCommittee(int organQuota, String... reservedDuties) {
        String central = uniqueId("central");
        expectStatus(admin().post("/api/v1/committees", Map.of("committeeId", central, "name", "党中央",
                "level", "CENTRAL", "organQuota", 30)), 201);
        String province = uniqueId("prov");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("committeeId", province);
        body.put("name", "某省委");
        body.put("level", "PROVINCIAL");
        body.put("parentCommitteeId", central);
        body.put("organQuota", organQuota);
        body.put("reservedDuties", List.of(reservedDuties));
        expectStatus(admin().post("/api/v1/committees", body), 201);
        parentOf.put(province, central);
        return province;
    }

    private final Map<String, String> parentOf = new java.util.concurrent.ConcurrentHashMap<>();

    /** The central committee {@link #provincialCommittee} registered the province under. */
    protected String parentOf(String province) {
        return parentOf.get(province);
    }

    /** An approval that fits a provincial committee: its own decision approved by the upper-level committee. */
    protected Map<String, Object> approvalFor(String committeeId) {
        return Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", parentOf.get(committeeId), "documentNo", "编字〔2024〕1号",
                "approvedOn", "2024-02-20");
    }

    protected Map<String, Object> organBody(String committeeId, String organId, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organId", organId);
        body.put("committeeId", committeeId);
        body.put("name", "机关" + organId);
        body.put("kind", kind);
        body.put("mode", "STANDALONE");
        body.put("establishedOn", ESTABLISHED.toString());
        body.put("staffingQuota", 20);
        body.put("leadershipQuota", 3);
        body.put("approval", approvalFor(committeeId));
        if (kind.equals("WORKING_BODY")) {
            body.put("coordinationBody", "省委全面深化改革委员会");
        }
        if (kind.equals("DISPATCHED_ORGAN")) {
            body.put("field", "教育系统");
        }
        return body;
    }

    protected String createOrgan(String committeeId, String kind) {
        String organId = uniqueId("organ");
        expectStatus(admin().post("/api/v1/organs", organBody(committeeId, organId, kind)), 201);
        return organId;
    }
}
