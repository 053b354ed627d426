package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.OpenApiBounds;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;

/** CONTRACT.md "Limits" in meeting-service: lists and texts beyond their limits are a 400 naming the field. */
class RequestLimitsTest extends MeetingServiceTestBase {

    @Test
    void an_agenda_of_more_than_200_items_is_400_naming_it() {
        Organ organ = organOfSize(3);
        List<Map<String, Object>> agenda = IntStream.rangeClosed(1, 201).mapToObj(i -> item("i" + i, "OTHER")).toList();
        ApiClient.Response r = officeOf(organ).post("/api/v1/meetings", meetingBody(organ, "AFFAIRS", agenda));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("agenda");
    }

    @Test
    void minutes_over_64_KiB_are_400_naming_the_text() {
        ApiClient.Response r = admin().post("/api/v1/meetings/any/minutes",
                Map.of("recorderId", "recorder", "text", "记".repeat(65_537)));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("text");
    }

    @Test
    void the_openapi_document_states_the_limit_of_every_string_and_list() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        assertThat(OpenApiBounds.property(docs, "ConveneBody", "agenda").path("maxItems").asInt()).isEqualTo(200);
        assertThat(OpenApiBounds.property(docs, "MinutesBody", "text").path("maxLength").asInt()).isEqualTo(65536);
        assertThat(OpenApiBounds.unboundedRequestFields(docs)).isEmpty();
    }
}
