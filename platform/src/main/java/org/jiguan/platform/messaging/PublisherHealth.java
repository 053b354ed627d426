package org.jiguan.platform.messaging;

import java.util.Collection;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * How publishing to Kafka goes. While the broker is unreachable the publisher retries and commands are still
 * accepted and stored, so that is {@link #DEGRADED} (answered 200, the service stays in rotation), not DOWN.
 */
public class PublisherHealth implements HealthIndicator {
    public static final Status DEGRADED = new Status("DEGRADED",
            "Publishing to Kafka is retrying; commands are still accepted and stored");

    private final EventProcessingConfiguration processing;

    public PublisherHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        Optional<TrackingEventProcessor> publisher = processing.eventProcessor(CloudEventPublisher.PROCESSING_GROUP,
                TrackingEventProcessor.class);
        if (publisher.isEmpty() || !publisher.get().isRunning()) {
            return Health.status(DEGRADED).withDetail("state", "stopped").build();
        }
        Collection<EventTrackerStatus> segments = publisher.get().processingStatus().values();
        if (publisher.get().isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return Health.status(DEGRADED).withDetail("state", "retrying").build();
        }
        if (segments.isEmpty()) {
            return Health.up().withDetail("state", "standby: another instance publishes").build();
        }
        boolean caughtUp = segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return Health.up().withDetail("state", caughtUp ? "publishing" : "catching up").build();
    }
}
