package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

/** The accepted paths' HTTP shape: creations, replays with an Idempotency-Key, conflicts and the OpenAPI document. */
class MeetingApiTest extends MeetingServiceTestBase {

    @Test
    void convening_answers_201_with_location_and_an_id_in_use_is_409() {
        Organ organ = organOfSize(3);
        Map<String, Object> body = meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        ApiClient.Response created = expectStatus(officeOf(organ).post("/api/v1/meetings", body), 201);
        assertThat(created.location()).endsWith("/api/v1/meetings/" + body.get("meetingId"));
        assertThat(created.body().path("meetingId").asText()).isEqualTo(body.get("meetingId"));
        ApiClient.Response again = officeOf(organ).post("/api/v1/meetings", body);
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CONFLICT");
    }

    @Test
    void a_meeting_without_a_client_id_gets_one() {
        Organ organ = organOfSize(3);
        Map<String, Object> body = new java.util.HashMap<>(meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER"))));
        body.remove("meetingId");
        String id = expectStatus(officeOf(organ).post("/api/v1/meetings", body), 201).body().path("meetingId").asText();
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @Test
    void a_vote_sent_again_with_its_idempotency_key_is_answered_as_before_and_recorded_once() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        ApiClient office = officeOf(organ);
        openVoting(organ, meeting, "i1", "ROLL_CALL");
        ApiClient keyed = office.withHeader("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> vote = Map.of("memberId", organ.member(1), "choice", "FOR");
        ApiClient.Response first = expectStatus(keyed.post(itemPath(meeting, "i1", "votes"), vote), 200);
        ApiClient.Response replay = expectStatus(keyed.post(itemPath(meeting, "i1", "votes"), vote), 200);
        assertThat(replay.raw()).isEqualTo(first.raw());
        ApiClient.Response otherBody = keyed.post(itemPath(meeting, "i1", "votes"),
                Map.of("memberId", organ.member(2), "choice", "FOR"));
        assertThat(otherBody.status()).isEqualTo(422);
        // Without the key the same vote is a second vote, refused under R-MEET-9: the replay did not record one.
        assertThat(office.post(itemPath(meeting, "i1", "votes"), vote).code()).isEqualTo("R-MEET-9");
    }

    /** Issue 11: the 409 of an organ not yet known was kept and replayed for 7 days; it is retryable, so not kept. */
    @Test
    void a_meeting_convened_before_its_organ_is_known_is_409_and_the_retry_with_the_same_key_is_carried_out() {
        Organ organ = new Organ(uniqueId("prov"), uniqueId("organ"));
        Map<String, Object> body = meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        ApiClient keyed = officeOf(organ).withHeader("Idempotency-Key", UUID.randomUUID().toString());
        ApiClient.Response tooEarly = keyed.post("/api/v1/meetings", body);
        assertThat(tooEarly.status()).as("%s", tooEarly).isEqualTo(409);

        ORGAN_EVENTS.organCreated(organ.committeeId(), organ.organId(), "机关", ESTABLISHED);
        ORGAN_EVENTS.leaderAppointed(organ.organId(), organ.member(1), "成员1", "PRINCIPAL", ESTABLISHED, false);
        awaitView(organ.organId(), 1);
        ApiClient.Response retried = expectStatus(keyed.post("/api/v1/meetings", body), 201);
        assertThat(retried.body().path("meetingId").asText()).isEqualTo(body.get("meetingId"));
        ApiClient.Response replay = expectStatus(keyed.post("/api/v1/meetings", body), 201);
        assertThat(replay.raw()).isEqualTo(retried.raw());
    }

    @Test
    void an_adopted_item_names_its_decision_which_takes_tasks() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        openVoting(organ, meeting, "i1", "SHOW_OF_HANDS");
        votes(organ, meeting, "i1", "FOR", "FOR", "ABSTAIN");
        JsonNode closed = closeItem(organ, meeting, "i1", Map.of("decisionId", "d-" + meeting,
                "positionsOrder", List.of(organ.member(2), organ.member(3), organ.member(1))));
        ApiClient office = officeOf(organ);
        assertThat(closed.path("outcome").asText()).isEqualTo("ADOPTED");
        assertThat(closed.path("decisionId").asText()).isEqualTo("d-" + meeting);
        ApiClient.Response task = expectStatus(office.post("/api/v1/decisions/d-" + meeting + "/tasks",
                Map.of("taskId", "t1", "owner", "办公室", "dueOn", "2026-12-31", "description", "落实")), 201);
        assertThat(task.location()).endsWith("/api/v1/decisions/d-" + meeting + "/tasks/t1");
        expectStatus(office.post("/api/v1/decisions/d-" + meeting + "/tasks/t1/feedback",
                Map.of("reportedOn", "2026-11-20", "done", true, "note", "已完成")), 200);
    }

    @Test
    void the_openapi_document_lists_every_endpoint_with_its_errors() {
        JsonNode docs = ApiClient.anonymous(baseUrl()).get("/v3/api-docs").body();
        JsonNode paths = docs.path("paths");
        for (String path : List.of("/api/v1/meetings", "/api/v1/meetings/{meetingId}/opening",
                "/api/v1/meetings/{meetingId}/items/{itemId}/votes", "/api/v1/meetings/{meetingId}/items/{itemId}/closing",
                "/api/v1/meetings/{meetingId}/minutes/issue", "/api/v1/decisions/{decisionId}/revocation",
                "/api/v1/urgent-decisions", "/api/v1/urgent-decisions/{decisionId}/report", "/api/v1/dead-letters")) {
            assertThat(paths.has(path)).as("OpenAPI lists %s", path).isTrue();
        }
        JsonNode votes = paths.path("/api/v1/meetings/{meetingId}/items/{itemId}/votes").path("post").path("responses");
        assertThat(votes.has("422")).isTrue();
        assertThat(votes.has("401")).isTrue();
        assertThat(ApiClient.anonymous(baseUrl()).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
