package org.jiguan.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jiguan.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@link EventSubscription}'s topics and applies every record, in order per partition, committing
 * offsets only after the handler has written. A store that fails is retried with back-off from the same
 * record, so nothing is skipped; an event that can never be applied goes to the {@link DeadLetters}.
 */
public class KafkaEventConsumer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(KafkaEventConsumer.class);
    /** One line per event applied, with its type, aggregate and trace id. */
    private static final Logger handled = LoggerFactory.getLogger("jiguan.consumer");
    /** A handler bug (not the store) gets this many tries before its event is set aside as a dead letter. */
    static final int ATTEMPTS = 3;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final EventSubscription subscription;
    private final Map<String, Object> config;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final Traces traces;
    private final AtomicLong applied = new AtomicLong();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean retrying;
    private volatile String lastError;
    private volatile long lag = -1;

    KafkaEventConsumer(EventSubscription subscription, Map<String, Object> config, DeadLetters deadLetters,
                       ObjectMapper json, Traces traces) {
        this.subscription = subscription;
        this.config = config;
        this.deadLetters = deadLetters;
        this.json = json;
        this.traces = traces;
    }

    public String name() {
        return subscription.name();
    }

    /** Events applied since start (repeats included). */
    public long applied() {
        return applied.get();
    }

    /** Records behind the end of the assigned partitions after the last poll, or -1 while that is unknown. */
    public long lag() {
        return lag;
    }

    /** Whether the last attempt failed on the store or broker and is being retried. */
    public boolean retrying() {
        return retrying;
    }

    /** False once its thread has ended (stopped, or failed beyond recovery). */
    public boolean running() {
        return running;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        try (KafkaConsumer<String, byte[]> opened = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = opened;
            consumer.subscribe(subscription.topics());
            log.info("Consumer {} reading {}", name(), subscription.topics());
            while (running) {
                boolean failed;
                try {
                    failed = pollAndApply();
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // Whatever went wrong, the thread must not die quietly: it backs off and reads on.
                    failedOn("a poll", e);
                    failed = true;
                }
                if (!failed) {
                    retrying = false;
                }
                backoff = failed ? pause(backoff) : Duration.ofMillis(200);
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer up
        } finally {
            running = false;
            log.info("Consumer {} stopped after applying {} events", name(), applied());
        }
    }

    /** Applies one poll's records; returns whether a partition stopped on a failure to be retried. */
    private boolean pollAndApply() {
        ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(Duration.ofMillis(500));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            failedOn("poll", e);
            return true;
        }
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        if (applyAsBatch(records, done)) {
            commit(done);
            lag = currentLag();
            return false;
        }
        boolean failed = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!apply(record)) {
                    consumer.seek(partition, record.offset());
                    failed = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        commit(done);
        lag = currentLag();
        return failed;
    }

    /**
     * Applies a poll's records together through the subscription's batch handler, when it has one and the poll
     * holds more than one record. Returns false when it did not apply them: none to batch, a record that cannot be
     * read, or the batch failed (the store, or an event that can never be applied); the records are then applied
     * one by one, which retries, backs off or sets aside each as it must.
     */
    private boolean applyAsBatch(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        if (subscription.batch() == null || records.count() < 2) {
            return false;
        }
        List<ReceivedEvent> events = new ArrayList<>(records.count());
        List<String> traceparents = new ArrayList<>(records.count());
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                Map<String, String> headers = ReceivedEvent.headersOf(record);
                events.add(ReceivedEvent.read(record.topic(), record.partition(), record.offset(), headers,
                        record.value(), json));
                traceparents.add(headers.get(Traces.TRACEPARENT));
            }
            subscription.batch().accept(events);
        } catch (RuntimeException e) {
            log.debug("Consumer {} applies a poll of {} one by one: {}", name(), records.count(), e.toString());
            return false;
        }
        applied.addAndGet(events.size());
        retrying = false;
        for (int i = 0; i < events.size(); i++) {
            ReceivedEvent event = events.get(i);
            traces.within("consume " + event.topic(), traceparents.get(i), () -> logApplied(event));
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> of = records.records(partition);
            done.put(partition, new OffsetAndMetadata(of.get(of.size() - 1).offset() + 1));
        }
        return true;
    }

    /**
     * Returns false when the record must be tried again later (the store failed); true when it is dealt with.
     * Runs in the trace of its {@code traceparent} header (a new one when it has none), so every line logged
     * meanwhile carries that trace id.
     */
    private boolean apply(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = ReceivedEvent.headersOf(record);
        return traces.within("consume " + record.topic(), headers.get(Traces.TRACEPARENT),
                () -> applyInTrace(record, headers));
    }

    private boolean applyInTrace(ConsumerRecord<String, byte[]> record, Map<String, String> headers) {
        for (int attempt = 1; ; attempt++) {
            try {
                ReceivedEvent event = ReceivedEvent.read(record.topic(), record.partition(), record.offset(), headers,
                        record.value(), json);
                subscription.handler().accept(event);
                applied.incrementAndGet();
                retrying = false;
                logApplied(event);
                return true;
            } catch (UnprocessableEvent e) {
                return setAside(record, headers, e, attempt);
            } catch (RuntimeException e) {
                if (e instanceof MongoException mongo && storeUnavailable(mongo)) {
                    failedOn(record.topic() + "@" + record.offset(), e);
                    return false;
                }
                // A handler bug, or a write the store refuses for good: a few tries, then a dead letter.
                if (attempt >= ATTEMPTS) {
                    return setAside(record, headers, e, attempt);
                }
                log.warn("Consumer {} failed on {}-{}@{} (attempt {}): {}", name(), record.topic(),
                        record.partition(), record.offset(), attempt, e.toString());
            }
        }
    }

    /** The line per event applied, in the event's trace; returns null, for {@link Traces#within}. */
    private Void logApplied(ReceivedEvent event) {
        handled.info("{} applied {} of {} (trace {})", name(), event.eventName(), event.subject(),
                traces.currentTraceId());
        return null;
    }

    /** The store cannot be reached or is failing over: try the same record again later, never set it aside. */
    private static boolean storeUnavailable(MongoException e) {
        return e instanceof MongoSocketException || e instanceof MongoTimeoutException
                || e instanceof MongoNotPrimaryException || e instanceof MongoNodeIsRecoveringException
                || e instanceof MongoExecutionTimeoutException || e.hasErrorLabel("RetryableWriteError");
    }

    private boolean setAside(ConsumerRecord<String, byte[]> record, Map<String, String> headers, RuntimeException e,
                             int attempts) {
        try {
            deadLetters.record(name(), record.topic(), record.partition(), record.offset(), record.key(), headers,
                    record.value(), e, attempts);
            return true;
        } catch (MongoException storeDown) {
            failedOn("dead letter", storeDown);
            return false;
        }
    }

    /**
     * Commits the offsets without waiting for the broker: the request goes out with the next poll, which starts at
     * once (waiting for each commit delayed the next poll's events by a round trip). Kafka sends a consumer's commits
     * in order, and closing the consumer waits for those in flight. One that fails is not lost either: the records
     * come again after a restart or rebalance, and the handler is idempotent.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> done) {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitAsync(done, (offsets, failure) -> {
                if (failure != null) {
                    log.warn("Consumer {} could not commit offsets: {}", name(), failure.toString());
                }
            });
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            log.warn("Consumer {} could not commit offsets: {}", name(), e.toString());
        }
    }

    /** -1 while unknown: no partition assigned yet (still joining the group), or a position not yet fetched. */
    private long currentLag() {
        if (consumer.assignment().isEmpty()) {
            return -1;
        }
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            var behind = consumer.currentLag(partition);
            if (behind.isEmpty()) {
                return -1;
            }
            total += behind.getAsLong();
        }
        return total;
    }

    private void failedOn(String where, RuntimeException e) {
        retrying = true;
        lastError = e.toString();
        log.warn("Consumer {} will retry {}: {}", name(), where, e.toString());
    }

    private Duration pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /** Applies a dead letter again, outside the poll loop. */
    void applyAgain(ReceivedEvent event) {
        subscription.handler().accept(event);
    }

    /**
     * Lets {@link #run()} read again after a {@link #stop()}: a context stops and starts its lifecycle beans again
     * (Spring Framework 7's test context cache pauses a context it is not using and restarts it when it is).
     */
    void readyToRun() {
        running = true;
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }
}
