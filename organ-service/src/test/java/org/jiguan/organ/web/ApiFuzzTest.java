package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11 part 6a: generated requests over every operation of organ-service's own OpenAPI document ({@link ApiFuzz});
 * with the other two services' fuzz tests, more than 10,000 requests. {@code -Djiguan.fuzz.seed} and
 * {@code -Djiguan.fuzz.requests} repeat or widen a run.
 */
class ApiFuzzTest extends OrganServiceTestBase {
    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);

    @Test
    void no_request_is_answered_with_a_5xx_but_503_and_every_error_is_problem_json() {
        long seed = Long.getLong("jiguan.fuzz.seed", 20261206L);
        int requests = Integer.getInteger("jiguan.fuzz.requests", 3500);
        String committee = provincialCommittee(50);
        ApiFuzz fuzz = ApiFuzz.of(baseUrl(), seed, TestTokens.kinds()).know("committeeId", committee)
                .know("organId", createOrgan(committee, "FUNCTIONAL_DEPARTMENT"))
                .know("organId", createOrgan(committee, "WORKING_BODY"));
        ApiFuzz.Report report = fuzz.run(requests);
        log.info("Fuzz of organ-service with seed {}: {}", seed, report);
        assertThat(report.findings()).as(report.toString()).isEmpty();
        assertThat(report.requests()).isEqualTo(requests);
    }
}
