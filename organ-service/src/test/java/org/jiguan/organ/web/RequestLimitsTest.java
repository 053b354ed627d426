package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.OpenApiBounds;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CONTRACT.md "Limits": an oversized body is 413 before anything is stored, an overlong field a 400 naming it. */
class RequestLimitsTest extends OrganServiceTestBase {
    /** 1.2 MB of UTF-8: a duty description pasted with a whole document in it. */
    private static final String HUGE = "职".repeat(400_000);

    @Autowired
    private EventStore eventStore;

    @Test
    void a_body_over_256_KiB_is_413_and_nothing_is_stored() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        long before = eventsOf(organ);
        String duties = "/api/v1/organs/" + organ + "/duties";
        Map<String, Object> body = Map.of("dutyCode", "d1", "description", HUGE);

        ProblemAssertions.assertProblem(admin().post(duties, body), 413, "PAYLOAD_TOO_LARGE");
        ProblemAssertions.assertProblem(admin().withHeader("Idempotency-Key", uniqueId("key")).post(duties, body),
                413, "PAYLOAD_TOO_LARGE");
        assertThat(eventsOf(organ)).isEqualTo(before);
    }

    @Test
    void a_chunked_body_over_256_KiB_is_413_and_nothing_is_stored() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        long before = eventsOf(organ);
        String duties = "/api/v1/organs/" + organ + "/duties";
        String body = "{\"dutyCode\":\"d1\",\"description\":\"" + HUGE + "\"}";

        ProblemAssertions.assertProblem(admin().postChunked(duties, body), 413, "PAYLOAD_TOO_LARGE");
        ProblemAssertions.assertProblem(admin().withHeader("Idempotency-Key", uniqueId("key"))
                .postChunked(duties, body), 413, "PAYLOAD_TOO_LARGE");
        assertThat(eventsOf(organ)).isEqualTo(before);
    }

    @Test
    void a_small_chunked_body_is_accepted() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        expectStatus(admin().postChunked("/api/v1/organs/" + organ + "/duties",
                "{\"dutyCode\":\"d1\",\"description\":\"统筹协调\"}"), 204);
    }

    @Test
    void a_summary_over_64_KiB_is_400_naming_it() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        ApiClient.Response r = admin().post("/api/v1/organs/" + organ + "/annual-reports", Map.of("year", 2025,
                "filedOn", "2026-01-10", "documentNo", "文1号", "summary", "年".repeat(70_000)));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("summary");
    }

    @Test
    void more_than_200_absorbed_organs_is_400_naming_the_list() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        ApiClient.Response r = admin().post("/api/v1/organs/" + organ + "/mergers", Map.of(
                "absorbedOrganIds", Collections.nCopies(201, "o1"), "mergedOn", "2025-01-01",
                "approval", approvalFor(committee)));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("absorbedOrganIds");
    }

    @Test
    void the_openapi_document_states_the_limits() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        assertThat(OpenApiBounds.property(docs, "AnnualReportBody", "summary").path("maxLength").asInt())
                .isEqualTo(65536);
        assertThat(OpenApiBounds.property(docs, "AssignDutyBody", "description").path("maxLength").asInt())
                .isEqualTo(65536);
        assertThat(OpenApiBounds.property(docs, "CreateOrganBody", "name").path("maxLength").asInt()).isEqualTo(200);
        assertThat(OpenApiBounds.property(docs, "MergeOrgansBody", "absorbedOrganIds").path("maxItems").asInt())
                .isEqualTo(200);
        assertThat(OpenApiBounds.unboundedRequestFields(docs)).isEmpty();
        assertThat(docs.path("paths").path("/api/v1/organs/{organId}/duties").path("post").path("responses")
                .has("413")).isTrue();
    }

    private long eventsOf(String organ) {
        return eventStore.readEvents(organ, 0).asStream().count();
    }
}
