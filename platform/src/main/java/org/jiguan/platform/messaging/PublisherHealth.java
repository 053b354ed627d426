package org.jiguan.platform.messaging;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * How publishing to Kafka goes, for every publisher of the service (meeting-service has two: {@code meeting-events}
 * and {@code meeting-records}), each shown under {@code topics}. While the broker is unreachable a publisher retries
 * and commands are still accepted and stored, so that is {@link #DEGRADED} (answered 200, the service stays in
 * rotation), not DOWN. DEGRADED too, with their count, while events are set aside as {@link UnpublishedEvents}.
 */
public class PublisherHealth implements HealthIndicator {
    public static final Status DEGRADED = new Status("DEGRADED",
            "Publishing to Kafka is retrying; commands are still accepted and stored");

    private final EventProcessingConfiguration processing;
    private final UnpublishedEvents unpublished;
    private final List<CloudEventPublisher> publishers;

    public PublisherHealth(EventProcessingConfiguration processing, UnpublishedEvents unpublished,
                           List<CloudEventPublisher> publishers) {
        this.processing = processing;
        this.unpublished = unpublished;
        this.publishers = List.copyOf(publishers);
    }

    @Override
    public Health health() {
        Map<String, String> topics = new LinkedHashMap<>();
        Health worst = null;
        for (CloudEventPublisher publisher : publishers) {
            Health publishing = publishing(publisher.processingGroup());
            topics.put(publisher.topic(), (String) publishing.getDetails().get("state"));
            if (worst == null || rank(publishing) > rank(worst)) {
                worst = publishing;
            }
        }
        Health publishing = worst == null ? Health.up().withDetail("state", "no publisher").build() : worst;
        try {
            long setAside = unpublished.count();
            Health.Builder health = Health.status(setAside > 0 ? DEGRADED : publishing.getStatus());
            return health.withDetails(publishing.getDetails()).withDetail("topics", topics)
                    .withDetail("setAside", setAside).build();
        } catch (RuntimeException storeDown) {
            return Health.status(DEGRADED).withDetails(publishing.getDetails()).withDetail("topics", topics)
                    .withDetail("setAside", "unknown: " + storeDown).build();
        }
    }

    /** DEGRADED before catching up before the rest, so the service's state is its worst publisher's. */
    private static int rank(Health health) {
        if (DEGRADED.equals(health.getStatus())) {
            return 2;
        }
        return "catching up".equals(health.getDetails().get("state")) ? 1 : 0;
    }

    private Health publishing(String processingGroup) {
        Optional<TrackingEventProcessor> publisher = processing.eventProcessor(processingGroup,
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
