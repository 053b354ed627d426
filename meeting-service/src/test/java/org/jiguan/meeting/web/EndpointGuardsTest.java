package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ProblemAssertions.assertProblem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.EndpointGuards;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every meeting-service endpoint refuses a missing or forged token (401), a caller without the role or outside
 * its scope (403), a malformed body, a body missing required fields and a value of the wrong type (400), all as
 * problem+json, before anything is recorded (the checks of {@link EndpointGuards} over meeting-service's
 * endpoints). The meeting and decision they name exist, so scope is what decides.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndpointGuardsTest extends MeetingServiceTestBase implements EndpointGuards {
    private Organ organ;
    private String meeting;
    private String decision;

    /** Endpoint, the role that may call it, and a body that passes validation. */
    static Stream<Arguments> endpoints() {
        return Stream.of(
                Arguments.of("/api/v1/meetings", "ORGAN_OFFICE", null),
                Arguments.of("/api/v1/meetings/{m}/items", "ORGAN_OFFICE", item("added", "OTHER")),
                Arguments.of("/api/v1/meetings/{m}/items/i1/preparation", "ORGAN_OFFICE",
                        Map.of("step", "INVESTIGATION", "completedOn", "2026-11-01", "note", "调研")),
                Arguments.of("/api/v1/meetings/{m}/opening", "ORGAN_OFFICE",
                        Map.of("openedAt", OPENED_AT, "present", List.of("x"), "absent", List.of())),
                Arguments.of("/api/v1/meetings/{m}/items/i1/recusals", "ORGAN_OFFICE",
                        Map.of("memberId", "x", "reason", "亲属")),
                Arguments.of("/api/v1/meetings/{m}/items/i1/voting", "ORGAN_OFFICE", Map.of("method", "ORAL")),
                Arguments.of("/api/v1/meetings/{m}/items/i1/votes", "ORGAN_OFFICE",
                        Map.of("memberId", "x", "choice", "FOR")),
                Arguments.of("/api/v1/meetings/{m}/items/i1/closing", "ORGAN_OFFICE", Map.of("defer", true,
                        "reason", "分歧")),
                Arguments.of("/api/v1/meetings/{m}/minutes", "ORGAN_OFFICE",
                        Map.of("recorderId", "recorder", "text", "纪要")),
                Arguments.of("/api/v1/meetings/{m}/minutes/issue", "ORGAN_OFFICE", Map.of("signedBy", "x")),
                Arguments.of("/api/v1/meetings/{m}/adjournment", "ORGAN_OFFICE", Map.of("at", OPENED_AT)),
                Arguments.of("/api/v1/decisions/{d}/tasks", "ORGAN_OFFICE",
                        Map.of("owner", "办公室", "dueOn", "2026-12-31", "description", "落实")),
                Arguments.of("/api/v1/decisions/{d}/tasks/t1/feedback", "ORGAN_OFFICE",
                        Map.of("reportedOn", "2026-11-20", "done", true)),
                Arguments.of("/api/v1/decisions/{d}/revocation", "COMMITTEE_OFFICE",
                        Map.of("committeeId", "x", "action", "REVOKE", "reason", "不适当", "on", "2026-11-20")),
                Arguments.of("/api/v1/urgent-decisions", "ORGAN_OFFICE", null),
                Arguments.of("/api/v1/urgent-decisions/{d}/report", "ORGAN_OFFICE", Map.of("meetingId", "x")));
    }

    @BeforeAll
    void meetingAndDecisionExist() {
        organ = organOfSize(3);
        meeting = affairsMeeting(organ, item("i1", "OTHER"), item("i2", "OTHER"));
        open(organ, meeting, 3, 3);
        decision = adoptUnanimously(organ, meeting, "i2", 3);
    }

    @Override
    public String path(String template) {
        return template.replace("{m}", meeting).replace("{d}", decision);
    }

    @Override
    public Object body(String endpoint, Object given) {
        if (given != null) {
            return given;
        }
        if (endpoint.equals("/api/v1/meetings")) {
            return meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        }
        return urgentDecisionBody(organ);
    }

    @Override
    public String creatingEndpoint() {
        return "/api/v1/meetings";
    }

    @Override
    public Set<Integer> statusesOfAnEmptyBody(String endpoint) {
        // Nothing is required to close an item: its outcome follows from the votes (R-MEET-10).
        return endpoint.endsWith("/closing") ? Set.of(422) : Set.of();
    }

    @Override
    public Map<String, Object> wronglyTypedBody() {
        Map<String, Object> wrong = new HashMap<>(Map.of("kind", "PLENARY", "scheduledAt", "tomorrow morning",
                "step", "GUESSWORK", "openedAt", "9点", "method", "TELEPATHY", "choice", "MAYBE",
                "defer", "perhaps", "at", "noon", "dueOn", "soon", "done", "almost"));
        wrong.putAll(Map.of("action", "IGNORE", "category", "MISC", "reportedOn", "x", "decidedOn", "x",
                "on", "31/12/2026", "present", "everyone", "itemId", 42, "meetingId", List.of("x"),
                "signedBy", List.of("x"), "text", Map.of("x", 1)));
        wrong.putAll(Map.of("recorderId", List.of(1), "memberId", List.of(1)));
        return wrong;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void organ_office_of_another_organ_of_the_same_committee_is_403(String endpoint, String role, Object body) {
        if (role.equals("COMMITTEE_OFFICE")) {
            return; // the committee office is not narrowed to organs
        }
        ApiClient caller = ApiClient.as(baseUrl(), List.of(role), List.of(organ.committeeId()), List.of("other-organ"));
        assertProblem(caller.post(path(endpoint), body(endpoint, body)), 403, "FORBIDDEN");
    }

    @Test
    void an_unknown_meeting_is_404() {
        assertProblem(admin().post("/api/v1/meetings/no-such-meeting/minutes", Map.of("recorderId", "r", "text", "t")),
                404, "NOT_FOUND");
        assertProblem(admin().post("/api/v1/decisions/no-such-decision/tasks", Map.of("owner", "o",
                "dueOn", "2026-12-31", "description", "d")), 404, "NOT_FOUND");
    }

    @Test
    void an_organ_not_yet_known_is_409_and_says_so() {
        Map<String, Object> body = meetingBody(new Organ(organ.committeeId(), "organ-never-seen"), "AFFAIRS",
                List.of(item("i1", "OTHER")));
        ApiClient.Response r = admin().post("/api/v1/meetings", body);
        assertProblem(r, 409, "CONFLICT");
        assertThat(r.body().path("detail").asText()).contains("not yet known");
    }
}
