package org.jiguan.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * How the Kafka consumers of local views are doing: per consumer its lag and events applied; DEGRADED while
 * one retries a failing store or broker (commands still work, views lag behind), with the count of dead letters.
 */
public class ConsumerHealth implements HealthIndicator {
    /** A local view is behind: its consumer retries, or has stopped. Answered 200 like UP: commands still work. */
    public static final Status DEGRADED = new Status(PublisherHealth.DEGRADED.getCode(),
            "A local view is behind Kafka: its consumer is retrying or has stopped");

    private final EventConsumers consumers;
    private final DeadLetters deadLetters;

    public ConsumerHealth(EventConsumers consumers, DeadLetters deadLetters) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        for (KafkaEventConsumer consumer : consumers.all()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("lag", consumer.lag());
            details.put("applied", consumer.applied());
            if (!consumer.running() && consumers.isRunning()) {
                health.status(DEGRADED);
                details.put("stopped", consumer.lastError());
            } else if (consumer.retrying()) {
                health.status(DEGRADED);
                details.put("retrying", consumer.lastError());
            }
            health.withDetail(consumer.name(), details);
        }
        try {
            health.withDetail("deadLetters", deadLetters.count());
        } catch (RuntimeException storeDown) {
            health.status(DEGRADED).withDetail("deadLetters", "unknown: " + storeDown);
        }
        return health.build();
    }
}
