package org.jiguan.oversight.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jiguan.platform.messaging.KafkaConnection;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.rules.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the histories from the topics: a new generation of collections is filled by reading every partition
 * from its beginning up to the end offsets seen at the start, while the live consumers keep the old generation
 * current and also write each new event to the new one ({@link Histories}); then the new generation is made live
 * and the old one dropped. Appends are idempotent by sequence, so the result is the same whatever the interleaving.
 * Events that cannot be applied are skipped and counted: the live consumers have set them aside as dead letters.
 * A rebuild is refused once the broker has deleted a partition's oldest records (its log starts above offset 0):
 * the new generation would lack the events they held, so the live one is kept.
 */
public class HistoryRebuild {
    private static final Logger log = LoggerFactory.getLogger(HistoryRebuild.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(2);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** Progress of the current or last rebuild. */
    public record Status(State state, String generation, Instant startedAt, Instant finishedAt, long toRead,
                         long read, long applied, long skipped, double eventsPerSecond, String error) {
    }

    private final Histories histories;
    private final KafkaConnection kafka;
    private final Map<String, HistoryIngest.Stream> topics;
    private final ObjectMapper json;
    private final Clock clock;
    private volatile Status status = new Status(State.IDLE, null, null, null, 0, 0, 0, 0, 0, null);

    public HistoryRebuild(Histories histories, KafkaConnection kafka, Map<String, HistoryIngest.Stream> topics,
                          ObjectMapper json, Clock clock) {
        this.histories = histories;
        this.kafka = kafka;
        this.topics = Map.copyOf(topics);
        this.json = json;
        this.clock = clock;
    }

    public Status status() {
        return status;
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public synchronized Status start() {
        if (status.state() == State.RUNNING) {
            throw new Conflict("A rebuild is already running since " + status.startedAt());
        }
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            requireWholeLog(consumer.beginningOffsets(partitionsOf(consumer)));
        }
        String generation = "_g" + clock.millis();
        status = new Status(State.RUNNING, generation, clock.instant(), null, 0, 0, 0, 0, 0, null);
        Thread worker = new Thread(() -> run(generation), "history-rebuild");
        worker.setDaemon(true);
        worker.start();
        return status;
    }

    private void run(String generation) {
        Instant started = status.startedAt();
        long read = 0;
        long applied = 0;
        long skipped = 0;
        long toRead = 0;
        try {
            Histories.Generation target = histories.startGeneration(generation);
            try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
                List<TopicPartition> partitions = partitionsOf(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
                requireWholeLog(begin); // records may have been deleted since the check at the start
                toRead = partitions.stream().mapToLong(p -> end.get(p) - begin.get(p)).sum();
                log.info("Rebuild {} reading {} events from {}", generation, toRead, partitions);
                Instant lastLog = clock.instant();
                while (!reachedEnd(consumer, partitions, end)) {
                    List<HistoryStore.Append> batch = new ArrayList<>();
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue; // newer than the start: the live consumer writes it to both generations
                        }
                        read++;
                        placed(record).ifPresent(batch::add);
                    }
                    target.appendAll(batch);
                    applied += batch.size();
                    skipped = read - applied;
                    status = progress(State.RUNNING, generation, started, null, toRead, read, applied, skipped, null);
                    if (Duration.between(lastLog, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
                        lastLog = clock.instant();
                        log.info("Rebuild {}: {}/{} events, {} events/s", generation, read, toRead,
                                String.format("%.0f", status.eventsPerSecond()));
                    }
                }
            }
            histories.swap(generation);
            status = progress(State.DONE, generation, started, clock.instant(), toRead, read, applied, skipped, null);
            log.info("Rebuild {} done: {} events read, {} skipped, {} events/s; now live", generation, read, skipped,
                    String.format("%.0f", status.eventsPerSecond()));
        } catch (RuntimeException e) {
            histories.abandon();
            status = progress(State.FAILED, generation, started, clock.instant(), toRead, read, applied, skipped,
                    e.toString());
            log.error("Rebuild {} failed; the live histories are unchanged", generation, e);
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(kafka.clientConfig(Map.of("enable.auto.commit", false,
                "isolation.level", "read_committed", "max.poll.records", 1000)),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics.keySet()) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    /** 409 when a partition's log no longer starts at offset 0: the broker deleted events a rebuild needs. */
    private static void requireWholeLog(Map<TopicPartition, Long> logStart) {
        List<String> trimmed = logStart.entrySet().stream().filter(start -> start.getValue() > 0)
                .map(start -> start.getKey() + " starts at offset " + start.getValue()).sorted().toList();
        if (!trimmed.isEmpty()) {
            throw new Conflict("Rebuild refused: the broker has deleted old records (" + String.join(", ", trimmed)
                    + "), so the topics no longer hold every event and a rebuild would lose histories. The live "
                    + "histories are kept. Event topics must have unlimited retention (retention.ms=-1, "
                    + "retention.bytes=-1).");
        }
    }

    /** The record placed in its history; empty when it can never be applied (the live consumer set it aside). */
    private Optional<HistoryStore.Append> placed(ConsumerRecord<String, byte[]> record) {
        try {
            return Optional.of(HistoryIngest.placed(topics.get(record.topic()), ReceivedEvent.read(record, json)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> end) {
        return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
    }

    private Status progress(State state, String generation, Instant started, Instant finished, long toRead, long read,
                            long applied, long skipped, String error) {
        Instant until = finished == null ? clock.instant() : finished;
        double seconds = Math.max(0.001, Duration.between(started, until).toMillis() / 1000.0);
        return new Status(state, generation, started, finished, toRead, read, applied, skipped, read / seconds, error);
    }
}
