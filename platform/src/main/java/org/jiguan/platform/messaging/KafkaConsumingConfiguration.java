package org.jiguan.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jiguan.platform.tracing.Traces;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** Idempotent Kafka consumption (ARCHITECTURE.md "Consuming"), on when a service declares an {@link EventSubscription}. */
@AutoConfiguration(afterName = "org.jiguan.platform.axon.MongoEventStoreConfiguration")
@ConditionalOnBean(EventSubscription.class)
public class KafkaConsumingConfiguration {

    @Bean
    public DeadLetters deadLetters(MongoDatabase serviceDatabase, ObjectMapper objectMapper, Clock clock) {
        return new DeadLetters(serviceDatabase, objectMapper, clock);
    }

    /**
     * {@code jiguan.kafka.consumer.session-timeout} (10 s): how soon the partitions of an instance that died go to
     * the others. Kafka's own default, 45 s, would leave that instance's share of every view unread for that long
     * (meeting-service then answers 409 "organ not yet known" for its organs); the cost of a shorter one is a
     * needless rebalance when an instance's heartbeats stall for longer, which the idempotent handlers absorb.
     */
    @Bean
    public EventConsumers eventConsumers(List<EventSubscription> subscriptions, DeadLetters deadLetters,
                                         ObjectMapper objectMapper, Traces traces,
                                         KafkaConnection kafkaConnection,
                                         @Value("${jiguan.mongodb.database}") String database,
                                         @Value("${jiguan.kafka.consumer.session-timeout:10s}")
                                         Duration sessionTimeout) {
        return new EventConsumers(subscriptions, kafkaConnection, database, sessionTimeout, deadLetters,
                objectMapper, traces);
    }

    @Bean
    public ConsumerHealth kafkaConsumersHealthIndicator(EventConsumers eventConsumers, DeadLetters deadLetters) {
        return new ConsumerHealth(eventConsumers, deadLetters);
    }

    @Bean
    public MeterBinder consumerMeters(EventConsumers eventConsumers, DeadLetters deadLetters) {
        return EventStreamMeters.consumers(eventConsumers, deadLetters);
    }

    @Bean
    public DeadLetterController deadLetterController(DeadLetters deadLetters, EventConsumers eventConsumers) {
        return new DeadLetterController(deadLetters, eventConsumers);
    }
}
