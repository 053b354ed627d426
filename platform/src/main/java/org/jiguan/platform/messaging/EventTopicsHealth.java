package org.jiguan.platform.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * DOWN while an event topic the service publishes or reads has a finite retention: the broker would delete events
 * the read models are rebuilt from (CONTRACT.md). The topic is not altered here; an operator sets
 * {@code retention.ms=-1} and {@code retention.bytes=-1}. Asked of the broker at most every {@link #CHECK_EVERY},
 * so health probes stay cheap; UNKNOWN (which leaves the service's status as it is) when the broker cannot answer.
 */
public class EventTopicsHealth implements HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(EventTopicsHealth.class);
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private final KafkaConnection kafka;
    private final List<String> topics;
    private Health last;
    private long checkedAt;
    private Map<String, String> finiteBefore = Map.of();

    public EventTopicsHealth(KafkaConnection kafka, List<String> topics) {
        this.kafka = kafka;
        this.topics = List.copyOf(topics);
    }

    @Override
    public synchronized Health health() {
        long now = System.nanoTime();
        if (last == null || now - checkedAt >= CHECK_EVERY.toNanos()) {
            last = check();
            checkedAt = now;
        }
        return last;
    }

    private Health check() {
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs;
        try (Admin admin = Topics.admin(kafka)) {
            configs = admin.describeConfigs(resources).all().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return Health.unknown().withDetail("error", e.getCause().toString()).build();
        } catch (TimeoutException e) {
            return Health.unknown().withDetail("error", "the broker did not answer within " + ANSWER_WITHIN).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
        Map<String, String> finite = new TreeMap<>();
        configs.forEach((resource, config) -> {
            String ms = config.get(TopicConfig.RETENTION_MS_CONFIG).value();
            String bytes = config.get(TopicConfig.RETENTION_BYTES_CONFIG).value();
            if (!Topics.UNLIMITED.equals(ms) || !Topics.UNLIMITED.equals(bytes)) {
                finite.put(resource.name(), "retention.ms=" + ms + ", retention.bytes=" + bytes);
            }
        });
        logIfChanged(finite);
        return (finite.isEmpty() ? Health.up() : Health.down().withDetail("finiteRetention", finite))
                .withDetail("topics", topics).build();
    }

    private void logIfChanged(Map<String, String> finite) {
        if (finite.equals(finiteBefore)) {
            return;
        }
        finiteBefore = finite;
        if (finite.isEmpty()) {
            log.info("Every event topic has unlimited retention again: {}", topics);
            return;
        }
        finite.forEach((topic, retention) -> log.error("Event topic {} has a finite retention ({}): the broker will "
                + "delete events that read models are rebuilt from. Set retention.ms=-1 and retention.bytes=-1 on "
                + "it; the service reports DOWN until then and does not alter the topic itself.", topic, retention));
    }
}
