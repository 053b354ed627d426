package org.jiguan.oversight.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.QueryShapes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * ARCHITECTURE.md guarantee 3 in oversight-service: each event of {@code organ-events} is stored in its aggregate's
 * history and applied to its read model by key only (repeats and an event ahead of a gap included), and every query
 * of the read API (the dashboard, the lists, an organ, a meeting, a decision list by organ) reads the store by key
 * only: no request scans.
 */
// Its own application context (the recorder is a bean): closed afterwards, so its consumers leave their groups and
// cannot keep partitions from the shared context (whose rebuilt collections this one would not follow).
@Import(QueryShapes.Recording.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotPathQueriesTest extends OversightServiceTestBase {
    @Autowired
    QueryShapes queries;

    @Autowired
    Histories histories;

    @Test
    void consuming_events_queries_the_store_by_key_only() throws InterruptedException {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        queries.clear();
        FEED.committeeRegistered(committee, 10);
        FEED.slotTaken(committee, organ, LocalDate.of(2024, 3, 1));
        FEED.organCreated(committee, organ, "热路径部", LocalDate.of(2024, 3, 1));
        FEED.leaderAppointed(organ, "p1", "PRINCIPAL", LocalDate.of(2024, 4, 1));
        FEED.resend(FEED.last());
        ChildService.waitUntil(() -> histories.live().holds(AggregateKind.ORGAN, organ, 1), Duration.ofSeconds(30));

        assertThat(queries.recorded()).as("the recorder sees the consumer's queries")
                .anyMatch(q -> q.startsWith(HistoryStore.collectionName(AggregateKind.ORGAN, histories.liveSuffix()) + " "));
        assertThat(queries.scans(Set.of("trackingtokens"))).as("queries that would scan a collection").isEmpty();
    }

    @Test
    void every_read_queries_the_store_by_key_only() throws InterruptedException {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        String meeting = uniqueId("mtg");
        FEED.committeeRegistered(committee, 10);
        FEED.slotTaken(committee, organ, LocalDate.of(2024, 3, 1));
        FEED.organCreated(committee, organ, "读路径部", LocalDate.of(2024, 3, 1));
        FEED.leaderAppointed(organ, "p1", "PRINCIPAL", LocalDate.of(2024, 4, 1));
        FEED.meetingConvened(committee, organ, meeting, Instant.parse("2024-05-01T02:00:00Z"), "i1");
        FEED.urgentDecisionTaken(committee, organ, uniqueId("dec"), LocalDate.of(2024, 5, 2));
        ChildService.waitUntil(() -> histories.live().holds(AggregateKind.ORGAN, organ, 1), Duration.ofSeconds(30));
        awaitGet("/api/v1/decisions?organId=" + organ, r -> r.status() == 200 && r.body().path("items").size() == 1);

        queries.clear();
        List<String> reads = List.of("/api/v1/committees/" + committee + "/dashboard",
                "/api/v1/committees/" + committee + "/dashboard?asOf=2024-12-31&knownAt=2030-01-01T00:00:00Z",
                "/api/v1/organs", "/api/v1/organs?committeeId=" + committee + "&status=ACTIVE&page=0&size=5",
                "/api/v1/organs/" + organ, "/api/v1/organs/" + organ + "/history",
                "/api/v1/annual-reports", "/api/v1/annual-reports?year=2024&committeeId=" + committee,
                "/api/v1/findings", "/api/v1/findings?organId=" + organ,
                "/api/v1/leader-filings?year=2024", "/api/v1/leader-filings?organId=" + organ,
                "/api/v1/special-report-requests?committeeId=" + committee,
                "/api/v1/decisions", "/api/v1/decisions?committeeId=" + committee, "/api/v1/decisions?organId=" + organ,
                "/api/v1/meetings/" + meeting, "/api/v1/meetings/" + meeting + "/history");
        for (String read : reads) {
            expectStatus(admin().get(read), 200);
            expectStatus(viewer(committee).get(read), 200);
        }

        assertThat(queries.recorded()).as("the recorder sees the reads' queries")
                .anyMatch(q -> q.startsWith("organ_rows") || q.startsWith("read_members"));
        assertThat(queries.scans(Set.of("trackingtokens"))).as("queries of the reads that would scan a collection")
                .isEmpty();
    }
}
