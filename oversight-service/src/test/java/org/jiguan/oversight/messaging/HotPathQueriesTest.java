package org.jiguan.oversight.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
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
 * ARCHITECTURE.md guarantee 3 in oversight-service, for consuming: each event of {@code organ-events} is stored in
 * its aggregate's history by key only (repeats and an event ahead of a gap included). Reads are not covered here:
 * they still fold histories found by committee (the planned materialized read models replace that).
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
}
