package org.jiguan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts records on the test JVM's broker as a service's publisher does (CONTRACT.md): CloudEvents in binary mode,
 * key and {@code ce_subject} the aggregate id, {@code ce_sequence} counting each aggregate's events from 0,
 * {@code ce_source} {@code /<name>-service} for topic {@code <name>-events}. For a consumer's tests that play the
 * producer; their feeds build the events' values.
 */
public final class CloudEventProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private volatile boolean awaitAcks = true;

    /** One record as sent, to send again or altered. */
    public record Sent(String topic, String type, String subject, long sequence, String eventId, Instant time,
                       byte[] value) {
    }

    /** Sends the aggregate's next event under a fresh {@code ce_id}; the record sent. */
    public Sent send(String topic, String type, String subject, Instant time, byte[] value) {
        long sequence = sequences.merge(subject, 0L, (previous, ignored) -> previous + 1);
        Sent sent = new Sent(topic, type, subject, sequence, UUID.randomUUID().toString(), time, value);
        send(sent);
        return sent;
    }

    /**
     * Whether each send waits for its ack (the default). Without, records are sent as fast as the producer batches
     * them (still in order per aggregate); {@link #flush} then waits for them all. For benchmarks that load data.
     */
    public void awaitAcks(boolean await) {
        awaitAcks = await;
    }

    /** Waits until every record sent has its ack. */
    public void flush() {
        producer.flush();
    }

    /** Sends a record exactly as given, e.g. a repeat of one a publisher sent before a crash; waits for the ack. */
    public void send(Sent sent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(sent.topic(), sent.subject(), sent.value());
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", sent.eventId());
        header(record, "ce_source", "/" + sent.topic().replaceFirst("-events$", "") + "-service");
        header(record, "ce_type", sent.type());
        header(record, "ce_time", sent.time().toString());
        header(record, "ce_subject", sent.subject());
        header(record, "ce_sequence", Long.toString(sent.sequence()));
        header(record, "content-type", "application/json");
        try {
            var acked = producer.send(record);
            if (awaitAcks) {
                acked.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send " + sent.type() + " for " + sent.subject(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
