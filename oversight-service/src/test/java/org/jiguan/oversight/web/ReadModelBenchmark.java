package org.jiguan.oversight.web;

import static org.jiguan.platform.testing.Latencies.timed;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.Latencies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fresh the dashboard is and how fast the read models rebuild. (1) Event-to-dashboard lag: one organ at a
 * time, its {@code OrganCreated} is put on {@code organ-events} and the organ is asked for through the query
 * API the dashboard uses until it answers; (2) a burst of organs with leaders, until the last is visible;
 * (3) a rebuild of every history from the topics, with its events/s. Not part of the normal build; run with
 * {@code ./mvnw -pl oversight-service -am verify -Pbenchmark} ({@code -Dbenchmark.organs=} for the burst).
 */
@Tag("benchmark")
class ReadModelBenchmark extends OversightServiceTestBase {
    private static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);

    @Test
    void event_to_dashboard_lag_and_rebuild_speed() {
        String committee = uniqueId("bench");
        FEED.committeeRegistered(committee, 10_000);
        awaitGet("/api/v1/committees/" + committee + "/dashboard", r -> r.status() == 200);

        long[] lags = new long[100];
        for (int i = 0; i < lags.length; i++) {
            String organ = committee + "-lag" + i;
            lags[i] = timed(() -> {
                FEED.organCreated(committee, organ, "机关" + organ, ESTABLISHED);
                awaitVisible(organ);
            });
        }

        int organs = Integer.getInteger("benchmark.organs", 500);
        long burstStarted = System.nanoTime();
        for (int i = 0; i < organs; i++) {
            String organ = committee + "-b" + i;
            FEED.organCreated(committee, organ, "机关" + organ, ESTABLISHED);
            FEED.leaderAppointed(organ, organ + "-p", "PRINCIPAL", ESTABLISHED);
            FEED.leaderAppointed(organ, organ + "-d", "DEPUTY", ESTABLISHED);
        }
        double sentSeconds = (System.nanoTime() - burstStarted) / 1e9;
        awaitOrganEvents(committee + "-b" + (organs - 1), 3);
        double burstSeconds = (System.nanoTime() - burstStarted) / 1e9;

        expectStatus(admin().post("/api/v1/admin/rebuild", "{}"), 202);
        JsonNode rebuilt = awaitGet("/api/v1/admin/rebuild", r -> r.body().path("state").asText().matches("DONE|FAILED"))
                .body();

        System.out.printf("%n=== oversight-service read models ===%n");
        System.out.printf("event-to-dashboard lag, one OrganCreated at a time (%d): %s ms%n", lags.length,
                Latencies.summary(lags));
        System.out.printf("burst: %d events (%d organs x OrganCreated + 2 LeaderAppointed) sent in %.1f s, "
                + "all visible after %.1f s: %.0f events/s applied%n", organs * 3, organs, sentSeconds, burstSeconds,
                organs * 3 / burstSeconds);
        System.out.printf("rebuild: %s, %d events read (%d applied, %d set aside) in %s, %.0f events/s%n%n",
                rebuilt.path("state").asText(), rebuilt.path("read").asLong(), rebuilt.path("applied").asLong(),
                rebuilt.path("skipped").asLong(), java.time.Duration.between(
                        java.time.Instant.parse(rebuilt.path("startedAt").asText()),
                        java.time.Instant.parse(rebuilt.path("finishedAt").asText())),
                rebuilt.path("eventsPerSecond").asDouble());
    }

    /** Polls every 5 ms, so a lag is over-stated by 2.5 ms on average. */
    private void awaitVisible(String organId) {
        while (admin().get("/api/v1/organs/" + organId).status() != 200) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
