package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11 part 6a: generated requests over every operation of meeting-service's own OpenAPI document ({@link ApiFuzz});
 * with the other two services' fuzz tests, more than 10,000 requests. {@code -Djiguan.fuzz.seed} and
 * {@code -Djiguan.fuzz.requests} repeat or widen a run.
 */
class ApiFuzzTest extends MeetingServiceTestBase {
    private static final Logger log = LoggerFactory.getLogger(ApiFuzzTest.class);

    @Test
    void no_request_is_answered_with_a_5xx_but_503_and_every_error_is_problem_json() {
        long seed = Long.getLong("jiguan.fuzz.seed", 20261206L);
        int requests = Integer.getInteger("jiguan.fuzz.requests", 3500);
        String organ = organWithBody(uniqueId("committee"), "PRINCIPAL", "DEPUTY", "MEMBER");
        ApiFuzz fuzz = ApiFuzz.of(baseUrl(), seed, TestTokens.kinds()).know("organId", organ)
                .know("convenerId", member(organ, 1)).know("memberId", member(organ, 2));
        ApiFuzz.Report report = fuzz.run(requests);
        log.info("Fuzz of meeting-service with seed {}: {}", seed, report);
        assertThat(report.findings()).as(report.toString()).isEmpty();
        assertThat(report.requests()).isEqualTo(requests);
    }
}
