package org.jiguan.platform.messaging;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The event-store-to-Kafka publisher of ARCHITECTURE.md, enabled when a service names its topic. */
@AutoConfiguration
@ConditionalOnProperty("jiguan.events.topic")
@EnableConfigurationProperties(EventStreamSettings.class)
public class KafkaPublishingConfiguration {
    /** Events read and acknowledged together before the token advances once. */
    public static final int PUBLISH_BATCH_SIZE = 100;

    @Bean(destroyMethod = "close")
    public Producer<String, byte[]> cloudEventProducer(KafkaConnection kafkaConnection,
                                                       @Value("${spring.application.name}") String clientId) {
        Map<String, Object> config = kafkaConnection.clientConfig(Map.of(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.MAX_MESSAGE_BYTES,
                ProducerConfig.CLIENT_ID_CONFIG, clientId + "-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    public CloudEventPublisher cloudEventPublisher(Producer<String, byte[]> cloudEventProducer,
                                                   ObjectMapper objectMapper, EventStreamSettings settings,
                                                   UnpublishedEvents unpublishedEvents,
                                                   ObjectProvider<PublishedForm> publishedForm,
                                                   KafkaConnection kafkaConnection) {
        Topics.ensure(kafkaConnection, settings.topic(), settings.partitions());
        return new CloudEventPublisher(cloudEventProducer, objectMapper, settings, unpublishedEvents,
                publishedForm.getIfAvailable(() -> PublishedForm.WHOLE));
    }

    @Bean
    public UnpublishedEvents unpublishedEvents(MongoDatabase serviceDatabase, MeterRegistry meterRegistry,
                                               Clock clock) {
        return new UnpublishedEvents(serviceDatabase, meterRegistry, clock);
    }

    /** Every publisher of the service: this one and any a service adds (meeting-service's meeting-records). */
    @Bean
    public PublisherHealth kafkaPublisherHealthIndicator(EventProcessingConfiguration processing,
                                                         UnpublishedEvents unpublishedEvents,
                                                         ObjectProvider<CloudEventPublisher> publishers) {
        return new PublisherHealth(processing, unpublishedEvents, publishers.orderedStream().toList());
    }

    @Bean
    public MeterBinder publisherMeters(EventStore eventStore, EventProcessingConfiguration processing,
                                       ObjectProvider<CloudEventPublisher> publishers) {
        return EventStreamMeters.publishers(eventStore, processing, publishers.orderedStream().toList());
    }

    /** The topics the service publishes and those it reads: every service here publishes, so it is declared here. */
    @Bean
    public EventTopicsHealth eventTopicsHealthIndicator(EventStreamSettings settings,
                                                        ObjectProvider<CloudEventPublisher> publishers,
                                                        ObjectProvider<EventSubscription> subscriptions,
                                                        KafkaConnection kafkaConnection) {
        List<String> topics = Stream.of(Stream.of(settings.topic()),
                        publishers.orderedStream().map(CloudEventPublisher::topic),
                        subscriptions.orderedStream().flatMap(subscription -> subscription.topics().stream()))
                .flatMap(t -> t).distinct().toList();
        return new EventTopicsHealth(kafkaConnection, topics);
    }

    @Bean
    public UnpublishedEventController unpublishedEventController(UnpublishedEvents unpublishedEvents,
                                                                 CloudEventPublisher cloudEventPublisher) {
        return new UnpublishedEventController(unpublishedEvents, cloudEventPublisher);
    }

    /**
     * A failed send must stop the processor (it retries with back-off) rather than be logged and skipped,
     * which is the default for event handlers and would lose the event.
     */
    @Autowired
    public void configurePublisherProcessor(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(CloudEventPublisher.PROCESSING_GROUP,
                        c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(PUBLISH_BATCH_SIZE))
                .registerListenerInvocationErrorHandler(CloudEventPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }
}
