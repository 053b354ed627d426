package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.OpenApiBounds;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;

/** Issue 11's reproductions against oversight-service: never a 500 for what a client sent. */
class HostileInputTest extends OversightServiceTestBase {
    @Test
    void an_as_of_date_of_year_999999999_is_400_naming_it() {
        for (String path : new String[] {"/api/v1/annual-reports?asOf=+999999999-12-31",
                "/api/v1/annual-reports?year=2025&asOf=%2B999999999-12-31", "/api/v1/findings?asOf=1900-01-01",
                "/api/v1/organs?asOf=-999999999-01-01"}) {
            ApiClient.Response r = admin().get(path);
            ProblemAssertions.assertProblem(r, 400, "VALIDATION");
            assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).containsExactly("asOf");
        }
    }

    @Test
    void the_openapi_document_lists_only_the_api_and_states_every_parameter_limit() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        docs.path("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
        assertThat(OpenApiBounds.unboundedRequestFields(docs)).isEmpty();
        JsonNode asOf = docs.path("paths").path("/api/v1/annual-reports").path("get").path("parameters")
                .findParents("name").stream().filter(p -> p.path("name").asText().equals("asOf")).findFirst()
                .orElseThrow().path("schema");
        assertThat(asOf.path("x-earliest").asText()).isEqualTo("1949-10-01");
    }

    @Test
    void a_query_parameter_over_200_characters_is_400_naming_it() {
        ApiClient.Response r = admin().get("/api/v1/organs?committeeId=" + "c".repeat(201) + "&kind=" + "k".repeat(300));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("committeeId", "kind");
    }

    @Test
    void a_query_parameter_without_a_name_is_400() {
        ProblemAssertions.assertProblem(admin().get("/api/v1/meetings/m1/history?size=72&=%22"), 400, "VALIDATION");
    }

    @Test
    void a_known_at_instant_out_of_range_is_400_naming_it() {
        ApiClient.Response r = admin().get("/api/v1/annual-reports?knownAt=%2B999999999-12-31T00:00:00Z");
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("knownAt");
    }

    /** Found by the API fuzz: a {@code since} of year 999,999,999 (reminders, refusals) was a 500. */
    @Test
    void a_since_out_of_range_is_400_naming_it() {
        for (String list : new String[] {"/api/v1/reminders", "/api/v1/refusals"}) {
            for (String since : new String[] {"%2B999999999-12-31T20:00:00Z", "%2B999999999-12-31", "1900-01-01",
                    "-999999999-01-01T00:00:00Z"}) {
                ApiClient.Response r = admin().get(list + "?since=" + since);
                ProblemAssertions.assertProblem(r, 400, "VALIDATION");
                assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString())
                        .containsExactly("since");
            }
            expectStatus(admin().get(list + "?since=2026-02-01"), 200);
            expectStatus(admin().get(list + "?since=2026-02-01T08:00:00%2B08:00"), 200);
        }
    }
}
