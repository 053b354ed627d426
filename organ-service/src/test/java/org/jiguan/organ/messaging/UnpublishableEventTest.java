package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.organ.TestRequests.created;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ServiceTestBase;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TestTopics;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event the broker refuses for good (here: larger than its topic allows) is set aside with the record and the
 * error instead of stopping the stream: the next events reach the topic, the publisher shows DEGRADED, and an
 * ADMIN publishes it again once the cause is fixed. Its own topic and database, so the limit touches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UnpublishableEventTest extends ServiceTestBase {
    private static final String TOPIC = "organ-events-set-aside-" + System.nanoTime();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "organ-set-aside-test");
        TestTopics.create(TOPIC, 1, Map.of("max.message.bytes", "2048", "retention.ms", "-1",
                "retention.bytes", "-1"));
        registry.add("jiguan.events.topic", () -> TOPIC);
    }

    @Test
    void an_event_too_large_for_the_topic_is_set_aside_and_the_next_events_go_on() throws Exception {
        String central = uniqueId("central");
        String committee = uniqueId("prov");
        TestRequests.registerCommittees(admin(), central, committee, 10);
        String before = committee + "-before";
        String large = committee + "-large";
        String after = committee + "-after";
        created(admin().post("/api/v1/organs", TestRequests.createOrgan(committee, central, before)));
        created(admin().post("/api/v1/organs", largeOrgan(committee, central, large)));
        created(admin().post("/api/v1/organs", TestRequests.createOrgan(committee, central, after)));

        assertThat(organsCreated(readUntil(Set.of(before, after)))).contains(before, after).doesNotContain(large);
        JsonNode setAside = awaitSetAside(large);
        assertThat(setAside.path("topic").asText()).isEqualTo(TOPIC);
        assertThat(setAside.path("headers").path("ce_type").asText()).isEqualTo("jiguan.organ.OrganCreated");
        assertThat(setAside.path("error").asText()).contains("RecordTooLarge");
        assertThat(publisherStatus()).isEqualTo("DEGRADED");
        String id = setAside.path("id").asText();
        expectStatus(committeeOffice(committee).get("/api/v1/unpublished-events"), 403);
        expectStatus(committeeOffice(committee).post("/api/v1/unpublished-events/" + id + "/retry", "{}"), 403);

        // Still too large: stays set aside, with the new error.
        expectStatus(admin().post("/api/v1/unpublished-events/" + id + "/retry", "{}"), 409);
        TestTopics.alter(TOPIC, "max.message.bytes", "1048576");
        expectStatus(admin().post("/api/v1/unpublished-events/" + id + "/retry", "{}"), 200);

        assertThat(organsCreated(readUntil(Set.of(large)))).contains(large);
        assertThat(expectStatus(admin().get("/api/v1/unpublished-events"), 200).body()).isEmpty();
        waitUntil(() -> "UP".equals(publisherStatus()), Duration.ofSeconds(30));
    }

    /**
     * An organ whose name, proposer and document number are as long as the API allows (200 characters each, 600
     * bytes in UTF-8), which makes its OrganCreated larger than the topic's 2 KiB.
     */
    private static Map<String, Object> largeOrgan(String committee, String central, String organId) {
        Map<String, Object> body = new HashMap<>(TestRequests.createOrgan(committee, central, organId));
        @SuppressWarnings("unchecked")
        Map<String, Object> approval = new HashMap<>((Map<String, Object>) body.get("approval"));
        approval.put("proposedBy", "编".repeat(200));
        approval.put("documentNo", "号".repeat(200));
        body.put("approval", approval);
        body.put("name", "机".repeat(200));
        return body;
    }

    private JsonNode awaitSetAside(String organId) throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        waitUntil(() -> {
            for (JsonNode event : expectStatus(admin().get("/api/v1/unpublished-events"), 200).body()) {
                if (organId.equals(event.path("key").asText())) {
                    found[0] = event;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(60));
        return found[0];
    }

    private static List<TopicReader.Record> readUntil(Set<String> organs) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), TOPIC)) {
            return reader.readUntil(seen -> organsCreated(seen).containsAll(organs), Duration.ofSeconds(60));
        }
    }

    private String publisherStatus() {
        return ApiClient.anonymous(baseUrl()).get("/actuator/health").body().at("/components/kafkaPublisher/status")
                .asText();
    }

    private static Set<String> organsCreated(List<TopicReader.Record> records) {
        return records.stream().filter(r -> "jiguan.organ.OrganCreated".equals(r.header("ce_type")))
                .map(TopicReader.Record::key).collect(Collectors.toSet());
    }
}
