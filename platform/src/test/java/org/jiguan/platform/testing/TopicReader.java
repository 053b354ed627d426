package org.jiguan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic of the real broker from the beginning, as an analytics consumer would. */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Record> seen = new ArrayList<>();

    public TopicReader(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "group.id", "test-reader-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", false,
                "isolation.level", "read_committed"), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code done} holds for everything seen so far, or the timeout passes; returns all seen. */
    public List<Record> readUntil(Predicate<List<Record>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                Map<String, String> headers = new HashMap<>();
                for (Header h : r.headers()) {
                    headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                }
                seen.add(new Record(r.key(), new String(r.value(), StandardCharsets.UTF_8), headers, r.partition(),
                        r.offset(), r.timestamp()));
            }
        }
        return List.copyOf(seen);
    }

    /** The {@code ce_id}s of the records whose key starts with {@code keyPrefix}. */
    public static Set<String> ceIds(List<Record> records, String keyPrefix) {
        Set<String> ids = new HashSet<>();
        for (Record r : records) {
            if (r.key() != null && r.key().startsWith(keyPrefix)) {
                ids.add(r.header("ce_id"));
            }
        }
        return ids;
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** @param timestamp when the producer sent it (the record's create time), in epoch milliseconds */
    public record Record(String key, String value, Map<String, String> headers, int partition, long offset,
                         long timestamp) {
        public String header(String name) {
            return headers.get(name);
        }
    }
}
