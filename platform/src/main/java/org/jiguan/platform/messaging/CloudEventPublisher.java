package org.jiguan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every stored event to Kafka as a CloudEvent in binary mode (CONTRACT.md "Kafka event stream"), with the
 * W3C {@code traceparent} of the command that produced it as a header when its metadata has one.
 * Runs in a tracking processor over the event store: the batch's last handler returns only after the broker
 * acknowledged every record of the batch ({@code acks=all}, idempotent producer), and only then does the
 * processor advance its token.
 * So nothing is published that was not stored and nothing stored stays unpublished; after a crash the last
 * events may be sent again with the same {@code ce_id}.
 * An event the broker refuses for good (see {@link #cannotBeSent}) is set aside in {@link UnpublishedEvents}
 * instead, so the stream goes on; a broker outage is always retried.
 */
@ProcessingGroup(CloudEventPublisher.PROCESSING_GROUP)
public class CloudEventPublisher {
    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);
    private static final String PENDING_ACKS = CloudEventPublisher.class.getName() + ".pendingAcks";

    private final Producer<String, byte[]> producer;
    private final ObjectMapper objectMapper;
    private final EventStreamSettings settings;
    private final UnpublishedEvents unpublished;
    private final PublishedForm form;

    public CloudEventPublisher(Producer<String, byte[]> producer, ObjectMapper objectMapper,
                               EventStreamSettings settings, UnpublishedEvents unpublished) {
        this(producer, objectMapper, settings, unpublished, PublishedForm.WHOLE);
    }

    /** @param form what of each event goes on the topic (see {@link PublishedForm}) */
    public CloudEventPublisher(Producer<String, byte[]> producer, ObjectMapper objectMapper,
                               EventStreamSettings settings, UnpublishedEvents unpublished, PublishedForm form) {
        this.producer = producer;
        this.objectMapper = objectMapper;
        this.settings = settings;
        this.unpublished = unpublished;
        this.form = form;
    }

    /** The tracking processor that runs this publisher: its class's {@link ProcessingGroup}. */
    public String processingGroup() {
        ProcessingGroup group = getClass().getAnnotation(ProcessingGroup.class);
        return group == null ? PROCESSING_GROUP : group.value();
    }

    /** The topic it publishes to. */
    public String topic() {
        return settings.topic();
    }

    /**
     * Sends without waiting, then, at the last event of the processor's batch, waits for every acknowledgement
     * of the batch. The processor stores its token only after all handlers of the batch returned, so the token
     * never passes an event the broker has not acknowledged; batching only saves the wait per event.
     */
    @EventHandler
    public void publish(EventMessage<?> event) throws Exception {
        ProducerRecord<String, byte[]> record = toRecord(event);
        List<PendingAck> pending = pendingAcksOfThisBatch();
        if (record != null) {
            pending.add(new PendingAck(event.getIdentifier(), record, send(record)));
        }
        if (isLastOfBatch()) {
            awaitAll(pending);
        }
    }

    private void awaitAll(List<PendingAck> pending) throws InterruptedException {
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        for (PendingAck ack : pending) {
            try {
                ack.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (!cannotBeSent(e.getCause())) {
                    throw notAcknowledged(ack.eventId(), e.getCause());
                }
                unpublished.setAside(ack.eventId(), ack.record(), e.getCause());
            } catch (TimeoutException e) {
                throw notAcknowledged(ack.eventId(), e);
            }
        }
        log.debug("Published {} events to {}", pending.size(), settings.topic());
        pending.clear();
    }

    /**
     * Sends an event that was set aside again ({@code id}: its entry, {@code <topic>:<event id>}, which names the
     * topic): removed once the broker acknowledged it, 409 with the new error when it still cannot be sent, 503
     * while the broker does not answer.
     */
    public void publishAgain(String id) throws InterruptedException {
        ProducerRecord<String, byte[]> record = UnpublishedEvents.record(unpublished.get(id));
        try {
            send(record).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (cannotBeSent(e.getCause())) {
                unpublished.failedAgain(id, e.getCause());
                throw new Conflict("Event " + id + " still cannot be published: " + e.getCause());
            }
            throw notAcknowledged(id, e.getCause());
        } catch (TimeoutException e) {
            throw notAcknowledged(id, e);
        }
        unpublished.remove(id);
        log.info("Event {} that was set aside is now published to {}", id, record.topic());
    }

    /**
     * A refusal that sending again cannot cure, unlike a broker outage (timeouts, not enough replicas, network),
     * and specific to the event, unlike a missing permission or topic, which would set aside every event.
     */
    static boolean cannotBeSent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof SerializationException;
    }

    /** Propagates so the processor retries the batch later instead of skipping it (503 on an operator's retry). */
    private static KafkaException notAcknowledged(String eventId, Throwable cause) {
        return new KafkaException("Kafka did not acknowledge event " + eventId, cause);
    }

    /** A record the producer refuses at once (too large for it, unserializable) fails like a broker refusal. */
    private Future<RecordMetadata> send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static List<PendingAck> pendingAcksOfThisBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ArrayList<>();
        }
        return CurrentUnitOfWork.get().getOrComputeResource(PENDING_ACKS, key -> new ArrayList<PendingAck>());
    }

    private static boolean isLastOfBatch() {
        return !CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)
                || batch.isLastMessage();
    }

    private record PendingAck(String eventId, ProducerRecord<String, byte[]> record, Future<RecordMetadata> result) {
    }

    /** The record of an event in its {@link PublishedForm}; null when the form publishes nothing of it. */
    ProducerRecord<String, byte[]> toRecord(EventMessage<?> event) throws JsonProcessingException {
        Object published = form.of(event.getPayload());
        if (published == null) {
            return null;
        }
        String subject;
        String sequence;
        if (event instanceof DomainEventMessage<?> domainEvent) {
            subject = domainEvent.getAggregateIdentifier();
            sequence = Long.toString(domainEvent.getSequenceNumber());
        } else {
            subject = event.getIdentifier();
            sequence = "0";
        }
        byte[] data = objectMapper.writeValueAsBytes(published);
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
        if (event.getMetaData().get(Traces.TRACEPARENT) instanceof String traceparent) {
            header(headers, Traces.TRACEPARENT, traceparent);
        }
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
