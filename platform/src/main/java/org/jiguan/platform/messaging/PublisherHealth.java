package org.jiguan.platform.messaging;

import java.util.Collection;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * How publishing to Kafka goes. While the broker is unreachable the publisher retries and commands are still
 * accepted and stored, so that is {@link #DEGRADED} (answered 200, the service stays in rotation), not DOWN.
 * DEGRADED too, with their count, while events are set aside as {@link UnpublishedEvents}.
 */
public class PublisherHealth implements HealthIndicator {
    public static final Status DEGRADED = new Status("DEGRADED",
            "Publishing to Kafka is retrying; commands are still accepted and stored");

    private final EventProcessingConfiguration processing;
    private final UnpublishedEvents unpublished;

    public PublisherHealth(EventProcessingConfiguration processing, UnpublishedEvents unpublished) {
        this.processing = processing;
        this.unpublished = unpublished;
    }

    @Override
    public Health health() {
        Health publishing = publishing();
        try {
            long setAside = unpublished.count();
            Health.Builder health = Health.status(setAside > 0 ? DEGRADED : publishing.getStatus());
            return health.withDetails(publishing.getDetails()).withDetail("setAside", setAside).build();
        } catch (RuntimeException storeDown) {
            return Health.status(DEGRADED).withDetails(publishing.getDetails())
                    .withDetail("setAside", "unknown: " + storeDown).build();
        }
    }

    private Health publishing() {
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
