package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ServiceTestBase;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The topics are the permanent log the read models are rebuilt from (CONTRACT.md): the service creates its topics
 * with unlimited retention, reports DOWN when one has a finite retention, and refuses a rebuild once the broker has
 * deleted old records. Its own topics and database, so altering them touches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermanentLogTest extends ServiceTestBase {
    private static final String SUFFIX = "-permanent-" + System.nanoTime();
    private static final String ORGAN_TOPIC = "organ-events" + SUFFIX;
    private static final String MEETING_TOPIC = "meeting-records" + SUFFIX;
    private static final String REMINDER_TOPIC = "oversight-reminders" + SUFFIX;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "oversight-permanent-log-test");
        registry.add("jiguan.reminders.enabled", () -> "false");
        registry.add("jiguan.oversight.organ-topic", () -> ORGAN_TOPIC);
        registry.add("jiguan.oversight.meeting-topic", () -> MEETING_TOPIC);
        registry.add("jiguan.events.topic", () -> REMINDER_TOPIC);
    }

    @Test
    void the_service_creates_the_topics_it_publishes_and_reads_with_unlimited_retention() {
        for (String topic : List.of(ORGAN_TOPIC, MEETING_TOPIC, REMINDER_TOPIC)) {
            Map<String, String> config = TestTopics.config(topic);
            assertThat(config).as(topic).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                    .containsEntry("max.message.bytes", "1048576");
        }
        assertThat(eventTopicsStatus()).isEqualTo("UP");
    }

    @Test
    void a_topic_given_a_finite_retention_makes_the_service_down() throws Exception {
        TestTopics.alter(MEETING_TOPIC, "retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
        try {
            waitUntil(() -> "DOWN".equals(eventTopicsStatus()), Duration.ofSeconds(30));
            assertThat(ApiClient.anonymous(baseUrl()).get("/actuator/health").status()).isEqualTo(503);
        } finally {
            TestTopics.alter(MEETING_TOPIC, "retention.ms", "-1");
        }
        waitUntil(() -> "UP".equals(eventTopicsStatus()), Duration.ofSeconds(30));
    }

    @Test
    void a_rebuild_is_refused_once_the_broker_deleted_old_records() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(ORGAN_TOPIC, 0, "organ-" + i, "{}"));
            }
        }
        TestTopics.deleteRecordsBefore(ORGAN_TOPIC, 0, 1);

        ApiClient.Response refused = expectStatus(admin().post("/api/v1/admin/rebuild", "{}"), 409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("detail").asText()).contains(ORGAN_TOPIC + "-0");
        assertThat(expectStatus(admin().get("/api/v1/admin/rebuild"), 200).body().path("state").asText())
                .isEqualTo("IDLE");
    }

    private String eventTopicsStatus() {
        return ApiClient.anonymous(baseUrl()).get("/actuator/health").body().at("/components/eventTopics/status")
                .asText();
    }
}
