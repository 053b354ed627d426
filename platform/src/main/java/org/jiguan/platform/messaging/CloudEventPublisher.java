package org.jiguan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every stored event to Kafka as a CloudEvent in binary mode (CONTRACT.md "Kafka event stream").
 * Runs in a tracking processor over the event store: the handler returns only after the broker acknowledged
 * the record ({@code acks=all}, idempotent producer), and only then does the processor advance its token.
 * So nothing is published that was not stored and nothing stored stays unpublished; after a crash the last
 * events may be sent again with the same {@code ce_id}.
 */
@ProcessingGroup(CloudEventPublisher.PROCESSING_GROUP)
public class CloudEventPublisher {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final ObjectMapper objectMapper;
    private final EventStreamSettings settings;

    public CloudEventPublisher(Producer<String, byte[]> producer, ObjectMapper objectMapper,
                               EventStreamSettings settings) {
        this.producer = producer;
        this.objectMapper = objectMapper;
        this.settings = settings;
    }

    @EventHandler
    public void publish(EventMessage<?> event) throws Exception {
        ProducerRecord<String, byte[]> record = toRecord(event);
        try {
            producer.send(record).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Propagates so the processor retries this event later instead of skipping it.
            throw new IllegalStateException("Kafka did not acknowledge event " + event.getIdentifier(), e);
        }
        log.debug("Published {} {} to {}", record.key(), event.getPayloadType().getSimpleName(), settings.topic());
    }

    ProducerRecord<String, byte[]> toRecord(EventMessage<?> event) throws JsonProcessingException {
        String subject;
        String sequence;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            subject = domainEvent.getAggregateIdentifier();
            sequence = Long.toString(domainEvent.getSequenceNumber());
        } else {
            subject = event.getIdentifier();
            sequence = "0";
        }
        byte[] data = objectMapper.writeValueAsBytes(event.getPayload());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), subject, data);
        Headers headers = record.headers();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.getIdentifier());
        header(headers, "ce_source", settings.source());
        header(headers, "ce_type", settings.typePrefix() + event.getPayloadType().getSimpleName());
        header(headers, "ce_time", event.getTimestamp().toString());
        header(headers, "ce_subject", subject);
        header(headers, "ce_sequence", sequence);
        header(headers, "content-type", "application/json");
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
