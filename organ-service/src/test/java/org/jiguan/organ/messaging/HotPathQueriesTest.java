package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.organ.OrganStory;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.QueryShapes;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * ARCHITECTURE.md guarantee 3: every query a command or the publisher makes is a lookup by {@code _id} or by a
 * unique index, so its cost does not grow with the store. Every endpoint is called (OrganStory), with and without
 * an Idempotency-Key, and the events are published; then every query the service sent is checked. Only the
 * processors' token claims (a handful of documents, one per processor segment) are exempt.
 */
// Its own application context (the recorder is a bean): closed afterwards, so its consumers leave their groups and
// cannot keep partitions from the shared context (whose rebuilt collections this one would not follow).
@Import(QueryShapes.Recording.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotPathQueriesTest extends OrganServiceTestBase {
    @Autowired
    QueryShapes queries;

    @Test
    void commands_and_publishing_query_the_store_by_key_only() throws Exception {
        queries.clear();
        OrganStory story = OrganStory.run(this);
        admin().withHeader("Idempotency-Key", uniqueId("key")).post("/api/v1/organs/" + story.organ + "/headcount",
                java.util.Map.of("headcount", 3, "asOf", "2025-02-01"));
        Set<String> stored = StoredEvents.all("organ-service-test").stream()
                .filter(e -> e.aggregateId().equals(story.organ)).map(StoredEvents.StoredEvent::id)
                .collect(java.util.stream.Collectors.toSet());
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
            reader.readUntil(seen -> TopicReader.ceIds(seen, story.organ).containsAll(stored), Duration.ofSeconds(30));
        }
        ChildService.waitUntil(() -> true, Duration.ofMillis(500));

        assertThat(queries.recorded()).as("the recorder sees the log's own queries")
                .anyMatch(q -> q.startsWith("event_positions findAndModify"))
                .anyMatch(q -> q.startsWith("event_commits find"))
                .anyMatch(q -> q.startsWith("idempotency_keys "));
        assertThat(queries.scans(Set.of("trackingtokens"))).as("queries that would scan a collection").isEmpty();
    }

    /**
     * A command that writes the cached aggregate it decides on asks the log for nothing but its position and its
     * commit: were the cached copy stale, the commit's next sequence would be refused at the unique index.
     */
    @Test
    void a_command_writing_a_cached_organ_does_not_read_the_log() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        expectStatus(admin().post("/api/v1/organs/" + organ + "/headcount",
                java.util.Map.of("headcount", 3, "asOf", "2025-02-01")), 204);
        queries.clear();
        for (int headcount = 4; headcount < 7; headcount++) {
            expectStatus(admin().post("/api/v1/organs/" + organ + "/headcount",
                    java.util.Map.of("headcount", headcount, "asOf", "2025-02-01")), 204);
        }
        assertThat(queries.recorded()).as("lookups of the organ's events")
                .noneMatch(q -> q.startsWith("event_commits find") && q.contains(organ + "#"));
    }
}
