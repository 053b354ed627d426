package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.organ.OrganStory;
import org.jiguan.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The accepted path of every endpoint, and what a client sees for ids, conflicts and unknown targets. */
class OrganStoryApiTest extends OrganServiceTestBase {

    @Test
    void every_endpoint_accepts_a_valid_command_in_a_real_organs_life() {
        OrganStory story = OrganStory.run(this);
        ApiClient.Response afterAbolition = admin().post("/api/v1/organs/" + story.absorbed + "/duties",
                Map.of("dutyCode", "x", "description", "y"));
        assertThat(afterAbolition.status()).isEqualTo(422);
        assertThat(afterAbolition.code()).isEqualTo("R-ORG-4");
    }

    @Test
    void creation_returns_201_with_location_and_id_and_server_made_ids_are_uuids() {
        String committee = provincialCommittee(5);
        Map<String, Object> body = organBody(committee, null, "GENERAL_OFFICE");
        body.remove("organId");
        ApiClient.Response r = expectStatus(admin().post("/api/v1/organs", body), 201);
        String id = r.body().path("organId").asText();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(r.location()).endsWith("/api/v1/organs/" + id);
    }

    @Test
    void creating_an_id_that_exists_is_409() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        ApiClient.Response again = admin().post("/api/v1/organs", organBody(committee, organ, "FUNCTIONAL_DEPARTMENT"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CONFLICT");
        ApiClient.Response committeeAgain = admin().post("/api/v1/committees", Map.of("committeeId", committee,
                "name", "重复", "level", "CENTRAL", "organQuota", 1));
        assertThat(committeeAgain.status()).as(committeeAgain.toString()).isEqualTo(409);
    }

    @Test
    void every_stored_event_records_who_sent_the_command(@Autowired EventStore eventStore) {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        DomainEventMessage<?> created = eventStore.readEvents(organ, 0).next();
        assertThat(created.getMetaData().get("caller")).isEqualTo("tester-ADMIN");
        assertThat(created.getMetaData()).containsKey("correlationId");
    }

    @Test
    void a_request_the_firewall_rejects_still_gets_problem_json() {
        ApiClient.Response r = admin().post("/api/v1/organs;jsessionid=x", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("VALIDATION");
    }

    @Test
    void a_change_that_changes_nothing_is_400() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        ApiClient.Response r = admin().post("/api/v1/organs/" + organ + "/changes",
                Map.of("changedOn", "2025-01-01", "approval", approvalFor(committee)));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("message").asText()).contains("at least one");
    }

    @Test
    void unknown_organ_is_404() {
        ApiClient.Response r = admin().post("/api/v1/organs/no-such-organ/duties",
                Map.of("dutyCode", "d", "description", "x"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void invalid_client_id_is_400() {
        String committee = provincialCommittee(5);
        ApiClient.Response r = admin().post("/api/v1/organs", organBody(committee, "-bad id!", "FUNCTIONAL_DEPARTMENT"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asText()).isEqualTo("organId");
    }

    @Test
    void same_idempotency_key_and_body_replays_the_first_response_and_changes_nothing() {
        String committee = provincialCommittee(1);
        Map<String, Object> body = organBody(committee, null, "FUNCTIONAL_DEPARTMENT");
        body.remove("organId");
        ApiClient keyed = admin().withHeader("Idempotency-Key", uniqueId("key"));
        ApiClient.Response first = expectStatus(keyed.post("/api/v1/organs", body), 201);
        ApiClient.Response second = keyed.post("/api/v1/organs", body);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(second.location()).isEqualTo(first.location());
        // The quota is 1: had the replay created a second organ, this third one would be refused anyway;
        // a fresh creation is refused by R-COM-2 only because exactly one organ exists.
        Map<String, Object> other = organBody(committee, uniqueId("o"), "FUNCTIONAL_DEPARTMENT");
        assertThat(admin().post("/api/v1/organs", other).code()).isEqualTo("R-COM-2");
    }

    @Test
    void same_idempotency_key_with_another_body_is_422() {
        String committee = provincialCommittee(5);
        ApiClient keyed = admin().withHeader("Idempotency-Key", uniqueId("key"));
        expectStatus(keyed.post("/api/v1/organs", organBody(committee, uniqueId("a"), "FUNCTIONAL_DEPARTMENT")), 201);
        ApiClient.Response r = keyed.post("/api/v1/organs", organBody(committee, uniqueId("b"), "FUNCTIONAL_DEPARTMENT"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void openapi_document_lists_the_commands() {
        ApiClient.Response r = ApiClient.anonymous(baseUrl()).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().path("paths").has("/api/v1/organs/{organId}/mergers")).isTrue();
        assertThat(r.body().path("components").path("securitySchemes").has("bearer")).isTrue();
        JsonNode create = r.body().path("paths").path("/api/v1/organs").path("post");
        assertThat(create.path("responses").has("422")).isTrue();
        assertThat(create.path("responses").has("403")).isTrue();
        assertThat(create.path("parameters").findValuesAsText("name")).contains("Idempotency-Key");
    }
}
