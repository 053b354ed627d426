package org.jiguan.platform.messaging;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jiguan.platform.security.ApiRoles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

/** Idempotent Kafka consumption (ARCHITECTURE.md "Consuming"), on when a service declares an {@link EventSubscription}. */
@AutoConfiguration(afterName = "org.jiguan.platform.axon.MongoEventStoreConfiguration")
@ConditionalOnBean(EventSubscription.class)
public class KafkaConsumingConfiguration {

    @Bean
    public DeadLetters deadLetters(MongoDatabase serviceDatabase, ObjectMapper objectMapper, Clock clock) {
        return new DeadLetters(serviceDatabase, objectMapper, clock);
    }

    @Bean
    public EventConsumers eventConsumers(List<EventSubscription> subscriptions, DeadLetters deadLetters,
                                         ObjectMapper objectMapper,
                                         @Value("${jiguan.kafka.bootstrap-servers}") String bootstrap,
                                         @Value("${jiguan.mongodb.database}") String database) {
        return new EventConsumers(subscriptions, bootstrap, database, deadLetters, objectMapper);
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

    /** First, so a service's broader rule (e.g. any reader may GET /api/v1/**) cannot open the dead letters. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public ApiRoles deadLetterRoles() {
        return requests -> requests.requestMatchers(HttpMethod.GET, "/api/v1/dead-letters/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/**").hasRole("ADMIN");
    }
}
