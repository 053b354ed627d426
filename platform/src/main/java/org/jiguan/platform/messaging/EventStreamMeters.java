package org.jiguan.platform.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;

/**
 * The event stream's gauges on {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code jiguan.publisher.lag} (commits), per {@code topic}: commits stored but not yet sent to that topic,
 * on the instance that publishes it; NaN on an instance standing by;</li>
 * <li>{@code jiguan.consumer.lag} (records), per {@code consumer}: records of its topics not yet applied; NaN
 * while unknown (joining its group);</li>
 * <li>{@code jiguan.dead.letters}: events set aside by the consumers; NaN while the store cannot be reached.</li>
 * </ul>
 */
public final class EventStreamMeters {
    private EventStreamMeters() {
    }

    static MeterBinder publishers(EventStore eventStore, EventProcessingConfiguration processing,
                                  List<CloudEventPublisher> publishers) {
        return meters -> {
            for (CloudEventPublisher publisher : publishers) {
                Gauge.builder("jiguan.publisher.lag",
                                () -> publisherLag(eventStore, processing, publisher.processingGroup()))
                        .tag("topic", publisher.topic()).baseUnit("commits")
                        .description("Commits stored but not yet sent to Kafka").register(meters);
            }
        };
    }

    static MeterBinder consumers(EventConsumers consumers, DeadLetters deadLetters) {
        return meters -> {
            for (KafkaEventConsumer consumer : consumers.all()) {
                Gauge.builder("jiguan.consumer.lag", () -> consumer.lag() < 0 ? Double.NaN : consumer.lag())
                        .tag("consumer", consumer.name()).baseUnit("records")
                        .description("Records of the consumer's topics not yet applied").register(meters);
            }
            Gauge.builder("jiguan.dead.letters", () -> countOrNaN(deadLetters))
                    .description("Events the consumers set aside as dead letters").register(meters);
        };
    }

    private static double publisherLag(EventStore eventStore, EventProcessingConfiguration processing,
                                       String processingGroup) {
        Optional<TrackingEventProcessor> publisher = processing.eventProcessor(processingGroup,
                TrackingEventProcessor.class);
        Collection<EventTrackerStatus> segments = publisher.map(p -> p.processingStatus().values()).orElseGet(List::of);
        if (segments.isEmpty()) {
            return Double.NaN;
        }
        long head = commitOf(eventStore.createHeadToken());
        long published = segments.stream().mapToLong(s -> commitOf(s.getTrackingToken())).min().orElse(0);
        return Math.max(0, head - published);
    }

    private static long commitOf(TrackingToken token) {
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.isPresent() ? CommitLogStorageEngine.commitOf(position.getAsLong()) : 0;
    }

    private static double countOrNaN(DeadLetters deadLetters) {
        try {
            return deadLetters.count();
        } catch (RuntimeException storeDown) {
            return Double.NaN;
        }
    }
}
