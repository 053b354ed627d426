package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;

/** Issue 11's reproductions against meeting-service: never a 500 for what a client sent. */
class HostileInputTest extends MeetingServiceTestBase {
    private static final String FAR_FUTURE = "+999999999-12-31T20:00:00Z";

    @Test
    void an_opening_time_of_year_999999999_is_400_naming_it() {
        ApiClient.Response r = admin().post("/api/v1/meetings/" + uniqueId("meeting") + "/opening",
                Map.of("openedAt", FAR_FUTURE, "present", List.of("m1")));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("openedAt");
    }

    @Test
    void a_schedule_of_year_999999999_is_400_naming_it_with_the_other_wrong_fields() {
        ApiClient.Response r = admin().post("/api/v1/meetings", Map.of("organId", uniqueId("organ"),
                "kind", "PARTY", "convenerId", "m1", "convenerBasis", "PRINCIPAL", "scheduledAt", FAR_FUTURE,
                "recorderId", "m2",
                "agenda", List.of(Map.of("itemId", "i1", "title", "议题", "category", "GOSSIP"))));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString())
                .containsExactlyInAnyOrder("scheduledAt", "kind", "agenda[0].category");
    }

    @Test
    void an_instant_before_1949_10_01_is_400_naming_it() {
        ApiClient.Response r = admin().post("/api/v1/meetings/" + uniqueId("meeting") + "/adjournment",
                Map.of("at", "1949-09-30T12:00:00+08:00"));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("at");
    }
}
