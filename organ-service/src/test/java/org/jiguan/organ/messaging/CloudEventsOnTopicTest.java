package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.organ.OrganStory;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.Test;

/**
 * Reads the real {@code organ-events} topic after an organ's whole life was sent over HTTP and checks every
 * record: CloudEvents binary-mode headers of CONTRACT.md, key = aggregate id, per-aggregate sequence order,
 * and the value against its event type's JSON Schema. Every event type of the service must have appeared.
 */
class CloudEventsOnTopicTest extends OrganServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_event_reaches_the_topic_as_a_cloudevent_that_matches_its_schema() throws Exception {
        OrganStory story = OrganStory.run(this);
        Set<String> aggregates = Set.of(story.committee, story.organ, story.absorbed);
        List<Record> records;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
            records = reader.readUntil(seen -> typesFor(seen, aggregates).containsAll(EventSchemas.eventTypes()),
                    Duration.ofSeconds(60));
        }
        List<Record> ours = records.stream().filter(r -> aggregates.contains(r.key())).toList();
        assertThat(typesFor(ours, aggregates)).containsAll(EventSchemas.eventTypes());

        Map<String, Long> lastSequence = new HashMap<>();
        for (Record r : ours) {
            assertThat(r.header("ce_specversion")).isEqualTo("1.0");
            assertThat(r.header("ce_id")).isNotBlank();
            assertThat(r.header("ce_source")).isEqualTo("/organ-service");
            assertThat(r.header("ce_type")).startsWith("jiguan.organ.");
            assertThat(OffsetDateTime.parse(r.header("ce_time"))).isNotNull();
            assertThat(r.header("ce_subject")).isEqualTo(r.key());
            assertThat(r.header("content-type")).isEqualTo("application/json");
            long sequence = Long.parseLong(r.header("ce_sequence"));
            Long previous = lastSequence.put(r.key(), sequence);
            assertThat(sequence).as("order within %s", r.key()).isGreaterThan(previous == null ? -1 : previous);

            String type = r.header("ce_type").substring("jiguan.organ.".length());
            JsonNode value = JSON.readTree(r.value());
            assertThat(EventSchemas.validate(type, value)).as("%s %s", type, r.value()).isEmpty();
            // The key is the aggregate id, and the value always names it (organId, or committeeId).
            assertThat(List.of(value.path("organId").asText(), value.path("committeeId").asText()))
                    .as(r.value()).contains(r.key());
        }
        assertThat(ours.stream().map(r -> r.header("ce_id")).distinct().count()).isEqualTo(ours.size());
    }

    private static Set<String> typesFor(List<Record> records, Set<String> aggregates) {
        return records.stream()
                .filter(r -> aggregates.contains(r.key()))
                .map(r -> r.header("ce_type").substring("jiguan.organ.".length()))
                .collect(Collectors.toSet());
    }
}
