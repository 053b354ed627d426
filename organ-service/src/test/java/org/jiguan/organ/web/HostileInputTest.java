package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ProblemAssertions;
import org.jiguan.platform.testing.RawHttp;
import org.jiguan.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11's reproductions against organ-service: what a client sends is answered with a 4xx problem+json carrying
 * its {@code code}, never a 500 (CONTRACT.md "Conventions").
 */
class HostileInputTest extends OrganServiceTestBase {
    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "1949-09-30", "-999999999-01-01"})
    void an_establishment_date_outside_1949_10_01_to_the_horizon_is_400_naming_it(String establishedOn) {
        String committee = provincialCommittee(5);
        Map<String, Object> body = organBody(committee, uniqueId("organ"), "FUNCTIONAL_DEPARTMENT");
        body.put("establishedOn", establishedOn);
        ApiClient.Response r = admin().post("/api/v1/organs", body);
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("establishedOn");
    }

    @Test
    void a_committee_command_on_an_organ_id_is_404() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        ApiClient.Response r = admin().post("/api/v1/committees/" + organ + "/organ-quota",
                Map.of("organQuota", 6, "approval", approvalFor(committee)));
        ProblemAssertions.assertProblem(r, 404, "NOT_FOUND");
    }

    @Test
    void a_path_variable_over_200_characters_is_400_naming_it_before_the_body_is_read() {
        ApiClient.Response r = admin().post("/api/v1/organs/" + "o".repeat(201) + "/duties", "{not json");
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("organId");
    }

    @Test
    void validation_lists_every_wrong_field_at_once() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("committeeId", provincialCommittee(5));
        body.put("kind", "NONSENSE");
        body.put("staffingQuota", "many");
        body.put("approval", Map.of("approvedBy", "NOBODY"));
        ApiClient.Response r = admin().post("/api/v1/organs", body);
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).contains("kind", "staffingQuota", "name",
                "mode", "establishedOn", "leadershipQuota", "approval.approvedBy", "approval.proposedBy",
                "approval.documentNo", "approval.approvedOn");
        assertThat(r.body().path("errors").findValuesAsText("field")).doesNotHaveDuplicates();
    }

    @Test
    void an_unknown_value_of_an_optional_enum_is_400_not_ignored() {
        ApiClient.Response r = admin().post("/api/v1/organs/" + uniqueId("organ") + "/findings",
                Map.of("source", "GOSSIP", "description", "x", "rectifyBy", "2026-01-01"));
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("source");
    }

    @Test
    void error_is_not_in_the_openapi_document_and_never_500() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        docs.path("paths").fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
        for (ApiClient client : new ApiClient[] {ApiClient.anonymous(baseUrl()), admin()}) {
            ApiClient.Response get = client.get("/error");
            assertThat(get.status()).as(get.toString()).isBetween(400, 499);
            assertThat(get.contentType()).startsWith("application/problem+json");
            ApiClient.Response post = client.post("/error", Map.of());
            assertThat(post.status()).as(post.toString()).isBetween(400, 499);
            assertThat(post.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void a_malformed_query_string_or_path_is_a_problem_not_an_html_page() {
        String token = TestTokens.expired();
        for (String target : new String[] {"/api/v1/organs?x=a|b", "/api/v1/organs?x=%zz", "/api/v1/organs/%zz",
                "/api/v1/organs?x={}", "/api/v1/organs/a%00b", "/api/v1/organs?x=\"<>\""}) {
            for (String t : new String[] {null, token}) {
                RawHttp.Answer a = RawHttp.get(port, target, t);
                assertThat(a.status()).as(target + " " + a).isBetween(400, 499);
                assertThat(a.contentType()).as(target + " " + a).startsWith("application/problem+json");
                assertThat(a.body()).as(target).contains("\"code\"");
            }
        }
    }
}
