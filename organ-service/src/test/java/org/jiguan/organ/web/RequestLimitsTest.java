package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CONTRACT.md "Limits": an oversized body is 413 before anything is stored. */
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

    private long eventsOf(String organ) {
        return eventStore.readEvents(organ, 0).asStream().count();
    }
}
