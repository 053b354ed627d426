package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ProblemAssertions.assertFieldAccepted;
import static org.jiguan.platform.testing.ProblemAssertions.assertInvalidField;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.OpenApiBounds;
import org.jiguan.platform.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CONTRACT.md "Limits": the date of an act lies at most today in Beijing on the service's clock, the time of an
 * act at most now (with two minutes for clock skew), else 400 VALIDATION naming the field, before any rule, scope
 * or existence check; a meeting's schedule and a task's due date may lie ahead up to today + 10 years. Each row is
 * named after the rule that refused such an act as a 422 before (DOMAIN.md "Time"); the target ids need not exist,
 * since the body is read first.
 */
class ActDatesTest extends MeetingServiceTestBase {
    private static final String MEETING = "/api/v1/meetings/nope";
    private static final String DECISION = "/api/v1/decisions/nope";

    @Autowired
    private Clock clock;

    record Act(String rule, String path, String field, Function<String, Map<String, Object>> body) {
        @Override
        public String toString() {
            return rule + ": " + field + " after today (or now) is a 400";
        }
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                act("R-MEET-3 convener's mandate granted in the future", "/api/v1/meetings", "mandate.grantedOn",
                        d -> Map.of("mandate", Map.of("grantedOn", d))),
                act("R-MEET-8 preparation completed in the future", MEETING + "/items/i1/preparation", "completedOn",
                        d -> Map.of("completedOn", d)),
                act("R-MEET-12 task feedback dated in the future", DECISION + "/tasks/t1/feedback", "reportedOn",
                        d -> Map.of("reportedOn", d)),
                act("R-MEET-13 revocation dated in the future", DECISION + "/revocation", "on", d -> Map.of("on", d)),
                act("R-MEET-14 urgent decision dated in the future", "/api/v1/urgent-decisions", "decidedOn",
                        d -> Map.of("decidedOn", d)),
                act("R-DEC-1 report to the committee dated in the future", DECISION + "/committee-report",
                        "reportedOn", d -> Map.of("reportedOn", d)),
                act("R-DEC-1 committee's reply dated in the future", DECISION + "/committee-report/reply",
                        "repliedOn", d -> Map.of("repliedOn", d)));
    }

    static Stream<Arguments> times() {
        return Stream.of(
                act("R-MEET-4 notice given in the future", "/api/v1/meetings", "noticeGivenAt",
                        t -> Map.of("noticeGivenAt", t)),
                act("R-MEET-4 opening in the future", MEETING + "/opening", "openedAt", t -> Map.of("openedAt", t)),
                act("R-MEET-4 adjournment in the future", MEETING + "/adjournment", "at", t -> Map.of("at", t)),
                act("R-MEET-10 item decided in the future", MEETING + "/items/i1/closing", "closedAt",
                        t -> Map.of("closedAt", t)),
                act("R-MEET-11 minutes issued in the future", MEETING + "/minutes/issue", "issuedAt",
                        t -> Map.of("issuedAt", t)));
    }

    private static Arguments act(String rule, String path, String field, Function<String, Map<String, Object>> body) {
        return Arguments.of(new Act(rule, path, field, body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void an_act_dated_after_today_is_a_400_naming_the_field_and_today_is_accepted(Act act) {
        LocalDate today = BusinessCalendar.today(clock);
        assertThat(assertInvalidField(post(act, today.plusDays(1).toString()), act.field()))
                .contains("today (" + today + ")");
        assertFieldAccepted(post(act, today.toString()), act.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void an_act_timed_after_now_is_a_400_naming_the_field_and_now_is_accepted(Act act) {
        assertInvalidField(post(act, clock.instant().plus(Duration.ofMinutes(3)).toString()), act.field());
        assertFieldAccepted(post(act, clock.instant().plus(Duration.ofMinutes(1)).toString()), act.field());
    }

    private ApiClient.Response post(Act act, String value) {
        return admin().post(act.path(), act.body().apply(value));
    }

    @Test
    void R_MEET_4_and_R_MEET_12_a_schedule_and_a_due_date_may_lie_ahead_up_to_ten_years() {
        LocalDate horizon = BusinessCalendar.today(clock).plusYears(10);
        String lastMinute = horizon.atTime(23, 59) + "+08:00";
        String dayAfter = horizon.plusDays(1).atStartOfDay() + "+08:00";
        assertFieldAccepted(admin().post("/api/v1/meetings", Map.of("scheduledAt", lastMinute)), "scheduledAt");
        assertInvalidField(admin().post("/api/v1/meetings", Map.of("scheduledAt", dayAfter)), "scheduledAt");
        assertFieldAccepted(admin().post(DECISION + "/tasks", Map.of("dueOn", horizon.toString())), "dueOn");
        assertInvalidField(admin().post(DECISION + "/tasks", Map.of("dueOn", horizon.plusDays(1).toString())),
                "dueOn");
    }

    @Test
    void the_openapi_document_states_which_dates_are_past_only_and_which_may_lie_ahead() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        assertThat(OpenApiBounds.property(docs, "ConveneBody", "scheduledAt").path("x-latest").asText())
                .isEqualTo("today + 10 years (Beijing)");
        assertThat(OpenApiBounds.property(docs, "ConveneBody", "noticeGivenAt").path("x-latest").asText())
                .isEqualTo("now + 2 minutes (clock skew)");
        assertThat(OpenApiBounds.property(docs, "TaskBody", "dueOn").path("x-latest").asText())
                .isEqualTo("today + 10 years (Beijing)");
        assertThat(OpenApiBounds.property(docs, "FeedbackBody", "reportedOn").path("x-latest").asText())
                .isEqualTo("today (Beijing)");
    }
}
