package org.jiguan.platform.messaging;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Runs one {@link KafkaEventConsumer} per {@link EventSubscription}, each on its own thread, with the application. */
public class EventConsumers implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final Map<String, KafkaEventConsumer> consumers = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final DeadLetters deadLetters;
    private volatile boolean running;

    /**
     * @param database       the service's database, which holds the views: the consumer group is named after it,
     *                       so instances sharing a database share the work, and a service with its own database
     *                       (another deployment, a test) reads every event for itself
     * @param sessionTimeout how long the group waits for an instance that stopped answering (killed, cut off)
     *                       before its partitions go to the others: until then nobody reads them. An instance that
     *                       stops cleanly leaves the group at once.
     */
    public EventConsumers(List<EventSubscription> subscriptions, KafkaConnection kafka, String database,
                          Duration sessionTimeout, DeadLetters deadLetters, ObjectMapper json, Traces traces) {
        this.deadLetters = deadLetters;
        for (EventSubscription subscription : subscriptions) {
            subscription.topics().forEach(topic -> Topics.ensure(kafka, topic, Topics.DEFAULT_PARTITIONS));
            Map<String, Object> config = kafka.clientConfig(Map.of(
                    ConsumerConfig.GROUP_ID_CONFIG, database + "." + subscription.name(),
                    ConsumerConfig.CLIENT_ID_CONFIG, database + "-" + subscription.name(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                    ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis(),
                    // Kafka's advice: at most a third of the session timeout; its default 3 s otherwise.
                    ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.min(3_000, sessionTimeout.toMillis() / 3)));
            consumers.put(subscription.name(), new KafkaEventConsumer(subscription, config, deadLetters, json,
                    traces));
        }
    }

    public List<KafkaEventConsumer> all() {
        return List.copyOf(consumers.values());
    }

    /** Applies a dead letter again; on success it is removed, otherwise it stays with the new error (409). */
    public void retry(String deadLetterId) {
        DeadLetters.DeadLetter letter = deadLetters.get(deadLetterId);
        KafkaEventConsumer consumer = consumers.get(letter.consumer());
        if (consumer == null) {
            throw new NotFound("No consumer " + letter.consumer() + " in this service");
        }
        try {
            consumer.applyAgain(deadLetters.event(letter));
        } catch (MongoException e) {
            throw e;
        } catch (RuntimeException e) {
            deadLetters.failedAgain(deadLetterId, e);
            throw new Conflict("Dead letter " + deadLetterId + " still cannot be applied: " + e.getMessage());
        }
        deadLetters.remove(deadLetterId);
        log.info("Dead letter {} applied on retry", deadLetterId);
    }

    @Override
    public void start() {
        consumers.forEach((name, consumer) -> {
            consumer.readyToRun();
            Thread thread = new Thread(consumer, "consumer-" + name);
            thread.setDaemon(true);
            threads.put(name, thread);
            thread.start();
        });
        running = true;
    }

    @Override
    public void stop() {
        consumers.values().forEach(KafkaEventConsumer::stop);
        threads.values().forEach(Thread::interrupt); // ends a back-off pause at once
        for (Thread thread : threads.values()) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
