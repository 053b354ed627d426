package org.jiguan.platform.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that creates an event topic, before a service publishes to it or reads from it. Event topics are
 * the permanent log read models are rebuilt from (CONTRACT.md): unlimited retention, and records as large as the
 * largest event the API lets in. An existing topic is never altered; {@link EventTopicsHealth} reports one that
 * would lose events.
 */
public final class Topics {
    /**
     * The access-controlled topic of meeting-service's full records (DOMAIN.md R-MEET-15): every meeting-service
     * event as stored, confidential content included, read by oversight-service alone; {@code meeting-events} carries
     * the same events without it.
     */
    public static final String MEETING_RECORDS = "meeting-records";
    private static final Logger log = LoggerFactory.getLogger(Topics.class);
    static final int DEFAULT_PARTITIONS = 3;
    /**
     * Largest record: request bodies are limited to 256 KiB, so an event's data and headers fit with room to spare.
     * The producer's {@code max.request.size} is the same.
     */
    static final int MAX_MESSAGE_BYTES = 1_048_576;
    static final String UNLIMITED = "-1";
    static final Map<String, String> PERMANENT_LOG = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, UNLIMITED,
            TopicConfig.RETENTION_BYTES_CONFIG, UNLIMITED,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));

    private Topics() {
    }

    /**
     * For a broker this process runs itself (the local stack's): creates each event topic as a permanent log, and
     * makes one that exists permanent too (an earlier version created its topics with the broker's 7 days).
     */
    public static void ensureOnOwnBroker(String bootstrap, List<String> topics) throws ExecutionException,
            InterruptedException {
        try (Admin admin = admin(KafkaConnection.plaintext(bootstrap))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, DEFAULT_PARTITIONS, (short) -1).configs(PERMANENT_LOG)).toList();
            admin.createTopics(missing).all().get();
            Map<ConfigResource, Collection<AlterConfigOp>> permanent = new HashMap<>();
            topics.stream().filter(existing::contains).forEach(t -> permanent.put(
                    new ConfigResource(ConfigResource.Type.TOPIC, t),
                    PERMANENT_LOG.entrySet().stream().map(c -> new AlterConfigOp(
                            new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET)).toList()));
            admin.incrementalAlterConfigs(permanent).all().get();
            log.info("Event topics {} are a permanent log ({} created)", topics,
                    missing.stream().map(NewTopic::name).toList());
        }
    }

    /** Creates the topic as a permanent log unless it exists (a publisher's or consumer's own topic). */
    public static void ensure(KafkaConnection kafka, String topic, int partitions) {
        try (Admin admin = admin(kafka)) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1).configs(PERMANENT_LOG)))
                        .all().get();
                log.info("Created topic {} with {} partitions and {}", topic, partitions, PERMANENT_LOG);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not check topic {}: {}; the broker will create it on first use",
                        topic, e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Admin admin(KafkaConnection kafka) {
        return Admin.create(kafka.clientConfig(Map.of("default.api.timeout.ms", 15_000,
                "request.timeout.ms", 10_000)));
    }
}
