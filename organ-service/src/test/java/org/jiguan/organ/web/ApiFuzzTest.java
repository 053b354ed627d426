package org.jiguan.organ.web;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 part 6a: generated requests over every operation of organ-service's own OpenAPI document ({@link ApiFuzz});
 * with the other two services' fuzz tests, 10,500 requests. {@code -Djiguan.fuzz.seed} and
 * {@code -Djiguan.fuzz.requests} repeat or widen a run.
 */
class ApiFuzzTest extends OrganServiceTestBase {
    @Test
    void no_request_is_answered_with_a_5xx_but_503_and_every_error_is_problem_json() {
        String committee = provincialCommittee(50);
        ApiFuzz.of(baseUrl(), TestTokens.kinds()).know("committeeId", committee)
                .know("organId", createOrgan(committee, "FUNCTIONAL_DEPARTMENT"))
                .know("organId", createOrgan(committee, "WORKING_BODY")).sendAndCheck();
    }
}
