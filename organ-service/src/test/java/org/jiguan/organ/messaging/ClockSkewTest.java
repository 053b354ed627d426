package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.Test;

/**
 * Two instances whose clocks are 20 seconds apart (one 10 s behind, one 10 s ahead) take turns on the same
 * organs. Reported: the publisher followed event timestamps with a 2 s look-back, so the events of the instance
 * behind were stored, answered 2xx and never published. Now the log's position decides: every stored event
 * reaches the topic, each organ's events in sequence order.
 */
class ClockSkewTest {
    private static final String DATABASE = "organ-clock-skew-test";

    @Test
    void instances_with_clocks_apart_publish_every_event_in_each_aggregates_order() throws Exception {
        String central = "skew-central-" + System.nanoTime();
        String committee = "skew-prov-" + System.nanoTime();
        int organs = 6;
        try (ChildService behind = start("behind", "-10s"); ChildService ahead = start("ahead", "10s")) {
            List<ApiClient> instances = List.of(ApiClient.admin(behind.baseUrl()), ApiClient.admin(ahead.baseUrl()));
            TestRequests.registerCommittees(instances.get(0), central, committee, organs);
            for (int i = 0; i < organs; i++) {
                TestRequests.created(instances.get(i % 2).post("/api/v1/organs",
                        TestRequests.createOrgan(committee, central, committee + "-o" + i)));
            }
            for (int round = 0; round < 60; round++) {
                String organ = committee + "-o" + (round % organs);
                ApiClient.Response r = instances.get(round % 2).post("/api/v1/organs/" + organ + "/headcount",
                        Map.of("headcount", 1 + round % 9, "asOf", "2025-06-30"));
                assertThat(r.status()).as(r.toString()).isBetween(200, 204);
            }

            Set<String> stored = StoredEvents.all(DATABASE).stream()
                    .filter(e -> e.aggregateId().startsWith(committee))
                    .map(StoredEvent::id).collect(Collectors.toSet());
            assertThat(stored).hasSizeGreaterThan(60 + organs);
            List<Record> records;
            try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
                records = reader.readUntil(seen -> TopicReader.ceIds(seen, committee).containsAll(stored),
                        Duration.ofSeconds(60));
            }
            assertThat(TopicReader.ceIds(records, committee)).as("every stored event on the topic")
                    .containsAll(stored);
            assertEachAggregateInSequenceOrder(records, committee);
        }
    }

    private static void assertEachAggregateInSequenceOrder(List<Record> records, String prefix) {
        Map<String, List<Long>> sequences = new HashMap<>();
        for (Record r : records) {
            if (r.key().startsWith(prefix)) {
                List<Long> seen = sequences.computeIfAbsent(r.key(), k -> new ArrayList<>());
                long sequence = Long.parseLong(r.header("ce_sequence"));
                if (!seen.contains(sequence)) { // at-least-once: a repeat is allowed, a step back is not
                    assertThat(sequence).as("next event of %s", r.key()).isEqualTo(seen.size());
                    seen.add(sequence);
                }
            }
        }
    }

    private static ChildService start(String name, String skew) throws Exception {
        return ChildService.start(OrganServiceApplication.class, "clock-skew-" + name, freePort(),
                TestInfrastructure.mongoUri(), DATABASE, TestInfrastructure.kafkaBootstrap(),
                "-Djiguan.clock.skew=" + skew);
    }
}
