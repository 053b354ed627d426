package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Rebuilding the histories from the topics gives back exactly the histories the live consumers built. */
class RebuildTest extends OversightServiceTestBase {
    @Autowired
    Histories histories;

    @Test
    void a_rebuild_from_the_topics_comes_out_identical_and_becomes_live() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        String meeting = uniqueId("meeting");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 3);
            FEED.organCreated(committee, organ, "重建部", LocalDate.parse("2024-01-01"));
            FEED.leaderAppointed(organ, "p1", "PRINCIPAL", LocalDate.parse("2024-02-01"));
            FEED.resend(FEED.last());
            FEED.annualReportFiled(organ, 2024, LocalDate.parse("2025-01-20"), false);
            FEED.meetingConvened(committee, organ, meeting, Instant.parse("2025-04-10T02:00:00Z"), "i1");
            FEED.meetingOpened(committee, organ, meeting, Instant.parse("2025-04-10T02:05:00Z"));
        }
        awaitOrganEvents(organ, 3);
        awaitMeetingEvents(meeting, 2);
        Map<AggregateKind, List<AggregateHistory>> before = snapshot();
        String generationBefore = histories.liveSuffix();
        JsonNode profileBefore = expectStatus(admin().get("/api/v1/organs/" + organ), 200).body();

        expectStatus(viewer("*").post("/api/v1/admin/rebuild", "{}"), 403);
        JsonNode started = expectStatus(admin().post("/api/v1/admin/rebuild", "{}"), 202).body();
        assertThat(started.path("state").asText()).isEqualTo("RUNNING");
        JsonNode done = awaitGet("/api/v1/admin/rebuild",
                r -> !r.body().path("state").asText().equals("RUNNING")).body();
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.path("read").asLong()).isEqualTo(done.path("toRead").asLong()).isPositive();
        // Other tests put unreadable records on the shared topics on purpose: those, and only those, are skipped.
        assertThat(done.path("applied").asLong() + done.path("skipped").asLong()).isEqualTo(done.path("read").asLong());

        assertThat(histories.liveSuffix()).isNotEqualTo(generationBefore).isEqualTo(done.path("generation").asText());
        assertThat(snapshot()).isEqualTo(before);
        assertThat(expectStatus(admin().get("/api/v1/organs/" + organ), 200).body()).isEqualTo(profileBefore);

        // The live consumers write to the new generation afterwards.
        FEED.leaderAppointed(organ, "d1", "DEPUTY", LocalDate.parse("2024-03-01"));
        awaitOrganEvents(organ, 4);
    }

    private Map<AggregateKind, List<AggregateHistory>> snapshot() {
        Map<AggregateKind, List<AggregateHistory>> all = new EnumMap<>(AggregateKind.class);
        for (AggregateKind kind : AggregateKind.values()) {
            all.put(kind, histories.live().all(kind).stream()
                    .sorted(Comparator.comparing(AggregateHistory::id)).toList());
        }
        return all;
    }
}
