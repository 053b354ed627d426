package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ActDates;
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


    static Stream<Arguments> dates() {
        return Stream.of(
                ActDates.act("R-MEET-3 convener's mandate granted in the future", "/api/v1/meetings", "mandate.grantedOn",
                        d -> Map.of("mandate", Map.of("grantedOn", d))),
                ActDates.act("R-MEET-8 preparation completed in the future", MEETING + "/items/i1/preparation", "completedOn",
                        d -> Map.of("completedOn", d)),
                ActDates.act("R-MEET-12 task feedback dated in the future", DECISION + "/tasks/t1/feedback", "reportedOn",
                        d -> Map.of("reportedOn", d)),
                ActDates.act("R-MEET-13 revocation dated in the future", DECISION + "/revocation", "on", d -> Map.of("on", d)),
                ActDates.act("R-MEET-14 urgent decision dated in the future", "/api/v1/urgent-decisions", "decidedOn",
                        d -> Map.of("decidedOn", d)),
                ActDates.act("R-DEC-1 report to the committee dated in the future", DECISION + "/committee-report",
                        "reportedOn", d -> Map.of("reportedOn", d)),
                ActDates.act("R-DEC-1 committee's reply dated in the future", DECISION + "/committee-report/reply",
                        "repliedOn", d -> Map.of("repliedOn", d)));
    }

    static Stream<Arguments> times() {
        return Stream.of(
                ActDates.act("R-MEET-4 notice given in the future", "/api/v1/meetings", "noticeGivenAt",
                        t -> Map.of("noticeGivenAt", t)),
                ActDates.act("R-MEET-4 opening in the future", MEETING + "/opening", "openedAt", t -> Map.of("openedAt", t)),
                ActDates.act("R-MEET-4 adjournment in the future", MEETING + "/adjournment", "at", t -> Map.of("at", t)),
                ActDates.act("R-MEET-10 item decided in the future", MEETING + "/items/i1/closing", "closedAt",
                        t -> Map.of("closedAt", t)),
                ActDates.act("R-MEET-11 minutes issued in the future", MEETING + "/minutes/issue", "issuedAt",
                        t -> Map.of("issuedAt", t)));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("dates")
    void an_act_dated_after_today_is_a_400_naming_the_field_and_today_is_accepted(ActDates act) {
        LocalDate today = BusinessCalendar.today(clock);
        assertThat(act.assertRefusedAfter(admin(), today.plusDays(1).toString(), today.toString()))
                .contains("today (" + today + ")");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("times")
    void an_act_timed_after_now_is_a_400_naming_the_field_and_now_is_accepted(ActDates act) {
        act.assertRefusedAfter(admin(), clock.instant().plus(Duration.ofMinutes(3)).toString(),
                clock.instant().plus(Duration.ofMinutes(1)).toString());
    }


    @Test
    void R_MEET_4_and_R_MEET_12_a_schedule_and_a_due_date_may_lie_ahead_up_to_ten_years() {
        LocalDate horizon = BusinessCalendar.today(clock).plusYears(10);
        String lastMinute = horizon.atTime(23, 59) + "+08:00";
        String dayAfter = horizon.plusDays(1).atStartOfDay() + "+08:00";
        new ActDates("R-MEET-4", "/api/v1/meetings", "scheduledAt", t -> Map.of("scheduledAt", t))
                .assertRefusedAfter(admin(), dayAfter, lastMinute);
        new ActDates("R-MEET-12", DECISION + "/tasks", "dueOn", d -> Map.of("dueOn", d))
                .assertRefusedAfter(admin(), horizon.plusDays(1).toString(), horizon.toString());
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
