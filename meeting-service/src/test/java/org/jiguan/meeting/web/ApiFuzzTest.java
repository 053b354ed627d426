package org.jiguan.meeting.web;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 part 6a: generated requests over every operation of meeting-service's own OpenAPI document
 * ({@link ApiFuzz}); with the other two services' fuzz tests, 10,500 requests. {@code -Djiguan.fuzz.seed} and
 * {@code -Djiguan.fuzz.requests} repeat or widen a run.
 */
class ApiFuzzTest extends MeetingServiceTestBase {
    @Test
    void no_request_is_answered_with_a_5xx_but_503_and_every_error_is_problem_json() {
        String organ = organWithBody(uniqueId("committee"), "PRINCIPAL", "DEPUTY", "MEMBER");
        ApiFuzz.of(baseUrl(), TestTokens.kinds()).know("organId", organ).know("convenerId", member(organ, 1))
                .know("memberId", member(organ, 2)).sendAndCheck();
    }
}
