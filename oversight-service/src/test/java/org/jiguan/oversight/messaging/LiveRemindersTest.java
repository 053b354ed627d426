package org.jiguan.oversight.messaging;

import org.jiguan.platform.time.BusinessCalendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.oversight.EventsFeed;
import org.jiguan.oversight.OversightServiceApplication;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * R-SUP-2 live, in oversight-service started as the local stack runs it (timer on, real clock), reading topics of
 * this test's own: a stage that recorded facts show already due follows within seconds of the fact, not at the
 * next timer run; a reminder that a report recorded late (filed before the stage's day) no longer bears out is
 * withdrawn with its reason, shown as withdrawn by {@code GET /api/v1/reminders} and published on
 * {@code oversight-reminders}.
 */
class LiveRemindersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void R_SUP_2_a_reminder_follows_the_fact_within_seconds_and_is_withdrawn_when_a_late_record_shows_it_filed()
            throws Exception {
        String run = "live" + System.nanoTime();
        String committee = run + "-prov";
        String organ = run + "-organ";
        // Two years back: every stage of that year's report is past, whatever the day this runs.
        int year = BusinessCalendar.today(Clock.systemUTC()).getYear() - 2;
        try (EventsFeed feed = new EventsFeed(run + "-organ-events", run + "-meeting-events");
             ChildService oversight = ChildService.start(OversightServiceApplication.class, "oversight-live-reminders",
                     ChildService.freePort(), TestInfrastructure.mongoUri(), "oversight-live-reminders-" + run,
                     TestInfrastructure.kafkaBootstrap(), "-Djiguan.reminders.initial-delay=PT0S",
                     "-Djiguan.reminders.interval=PT24H", "-Djiguan.oversight.organ-topic=" + run + "-organ-events",
                     "-Djiguan.oversight.meeting-topic=" + run + "-meeting-events")) {
            ApiClient admin = ApiClient.admin(oversight.baseUrl());
            feed.committeeRegistered(committee, 10);
            feed.organCreated(committee, organ, "实时部", LocalDate.of(year, 1, 2));

            // The organ arrives long after its report for `year` was escalated: only that latest stage, at once.
            long recorded = System.nanoTime();
            JsonNode escalated = awaitReminder(admin, organ, year, r -> true);
            double seconds = (System.nanoTime() - recorded) / 1e9;
            assertThat(escalated.path("stage").asText()).isEqualTo("ESCALATED");
            assertThat(escalated.path("withdrawnAt").isNull()).isTrue();
            assertThat(seconds).as("seconds from the fact to its reminder").isLessThan(15);

            // The report, recorded now, had been filed before the due date: the escalation is withdrawn.
            feed.annualReportFiled(organ, year, LocalDate.of(year + 1, 1, 20), false);
            JsonNode withdrawn = awaitReminder(admin, organ, year, r -> !r.path("withdrawnAt").isNull());
            assertThat(withdrawn.path("reminderId").asText()).isEqualTo(organ + ":" + year + ":ESCALATED");
            assertThat(withdrawn.path("withdrawalReason").asText()).isEqualTo("FILED_BEFORE_STAGE");
            assertThat(withdrawn.path("filedOn").asText()).isEqualTo(year + 1 + "-01-20");
            assertThat(admin.get("/api/v1/reminders?organId=" + organ + "&year=" + year + "&withdrawn=false").body()
                    .path("total").asInt()).as("standing reminders").isZero();

            try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "oversight-reminders")) {
                List<TopicReader.Record> mine = reader.readUntil(seen -> seen.stream()
                        .filter(r -> (organ + ":" + year).equals(r.key())).count() >= 2, Duration.ofSeconds(30))
                        .stream().filter(r -> (organ + ":" + year).equals(r.key())).toList();
                assertThat(mine).extracting(r -> r.header("ce_type"))
                        .containsExactly("jiguan.oversight.ReminderIssued", "jiguan.oversight.ReminderWithdrawn");
                JsonNode value = JSON.readTree(mine.get(1).value());
                assertThat(EventSchemas.validate("ReminderWithdrawn", value)).as(mine.get(1).value()).isEmpty();
                assertThat(value.path("reason").asText()).isEqualTo("FILED_BEFORE_STAGE");
            }
            System.out.printf("live reminder %.1f s after its fact%n", seconds);
        }
    }

    private static JsonNode awaitReminder(ApiClient admin, String organ, int year,
                                          java.util.function.Predicate<JsonNode> wanted) throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        ChildService.waitUntil(() -> {
            ApiClient.Response answer = admin.get("/api/v1/reminders?organId=" + organ + "&year=" + year);
            if (answer.status() != 200) {
                return false;
            }
            for (JsonNode item : answer.body().path("items")) {
                if (wanted.test(item)) {
                    found[0] = item;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(60));
        return found[0];
    }
}
