package org.jiguan.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.jiguan.platform.json.EventJson;
import org.jiguan.platform.testing.CloudEventProducer;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.tracing.Traces;
import org.junit.jupiter.api.Test;

/**
 * A context may stop its lifecycle beans and start them again (Spring Framework 7's test context cache pauses a
 * context it is not using): the consumers then read on, they do not stay stopped, and what they applied before the
 * stop is committed.
 */
class EventConsumersRestartTest {

    @Test
    void consumers_read_on_after_being_stopped_and_started_again() throws Exception {
        withProbeConsumers("restart", (consumers, send, applied) -> {
            String first = send.event("a-1");
            awaitUntil(() -> applied.contains(first));

            consumers.stop();
            assertThat(consumers.all()).noneMatch(KafkaEventConsumer::running);
            consumers.start();
            String second = send.event("a-1");
            awaitUntil(() -> applied.contains(second));
            assertThat(consumers.all()).allMatch(KafkaEventConsumer::running);
        });
    }

    /**
     * Offsets are committed without waiting for the broker (KafkaEventConsumer#commit): a consumer stopped right
     * after applying its last poll still has that poll committed (closing waits for the commits in flight), so
     * nothing it applied comes again after a restart.
     */
    @Test
    void a_consumer_stopped_right_after_its_last_poll_has_committed_it() throws Exception {
        withProbeConsumers("commit", (consumers, send, applied) -> {
            for (int round = 0; round < 5; round++) {
                List<String> sent = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    sent.add(send.event("a-" + i));
                }
                awaitUntil(() -> applied.containsAll(sent));
                consumers.stop(); // at once: the last poll's commit may still be on its way
                consumers.start();
            }
            String last = send.event("a-0");
            awaitUntil(() -> applied.contains(last));
            assertThat(applied).as("each event applied once: none came again after a restart")
                    .hasSize(101).doesNotHaveDuplicates();
        });
    }

    /** Sends a probe event of an aggregate to the probe's topic; answers its event id. */
    private interface Send {
        String event(String aggregateId);
    }

    private interface ProbeRun {
        void run(EventConsumers consumers, Send send, List<String> applied) throws Exception;
    }

    /**
     * Runs {@code run} with started consumers of one subscription, "probe", on a topic and database of their own
     * (named after {@code name}), that note the id of each event applied; stops them and drops the database after.
     */
    private static void withProbeConsumers(String name, ProbeRun run) throws Exception {
        String topic = name + "-" + System.nanoTime() + "-events";
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
        List<String> applied = new CopyOnWriteArrayList<>();
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
             CloudEventProducer producer = new CloudEventProducer()) {
            MongoDatabase database = mongo.getDatabase(name + "-" + System.nanoTime());
            EventConsumers consumers = probeConsumers(database, topic, applied);
            try {
                consumers.start();
                run.run(consumers,
                        aggregateId -> producer.send(topic, "jiguan.probe.Happened", aggregateId, Instant.now(), data)
                                .eventId(), applied);
            } finally {
                consumers.stop();
                database.drop();
            }
        }
    }

    /** Consumers of one subscription, "probe", noting the id of each event applied. */
    private static EventConsumers probeConsumers(MongoDatabase database, String topic, List<String> applied) {
        return new EventConsumers(
                List.of(new EventSubscription("probe", List.of(topic), event -> applied.add(event.id()))),
                KafkaConnection.plaintext(TestInfrastructure.kafkaBootstrap()), database.getName(),
                Duration.ofSeconds(10), new DeadLetters(database, EventJson.mapper(), Clock.systemUTC()),
                EventJson.mapper(), Traces.NONE);
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
