package org.jiguan.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.jiguan.platform.json.EventJson;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.CloudEventProducer;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.tracing.Traces;
import org.junit.jupiter.api.Test;

/**
 * A subscription with a batch handler gets a poll's records together; when the batch fails, the same records are
 * applied one by one, so an event that can never be applied is still set aside alone and the others applied.
 */
class BatchedConsumingTest {
    private static final byte[] DATA = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_poll_is_applied_as_one_batch() throws Exception {
        List<String> single = new CopyOnWriteArrayList<>();
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<String> sent = new ArrayList<>();

        consume(List.of("a-1", "a-2", "a-3", "a-4", "a-5"), sent, single, batches,
                deadLetters -> batchedIds(batches).size() + single.size() >= 5,
                deadLetters -> assertThat(deadLetters.count()).isZero());

        assertThat(batches).as("batches of more than one event").anyMatch(batch -> batch.size() > 1);
        assertThat(batchedIds(batches)).as("every event applied once").containsExactlyInAnyOrderElementsOf(
                sent.stream().filter(id -> !single.contains(id)).toList());
    }

    @Test
    void a_failed_batch_is_applied_one_by_one_and_only_the_bad_event_is_set_aside() throws Exception {
        List<String> single = new CopyOnWriteArrayList<>();
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        List<String> sent = new ArrayList<>();

        consume(List.of("a-1", "a-2", "bad", "a-4", "a-5"), sent, single, batches,
                deadLetters -> single.size() >= 4 && deadLetters.count() >= 1, deadLetters -> {
                    assertThat(deadLetters.list("probe")).singleElement()
                            .satisfies(letter -> assertThat(letter.key()).isEqualTo("bad"));
                });

        assertThat(batchedIds(batches)).as("no batch was applied").isEmpty();
        assertThat(single).containsExactlyInAnyOrderElementsOf(List.of(sent.get(0), sent.get(1), sent.get(3),
                sent.get(4)));
    }

    /** Sends the events first, so that the consumer's first poll finds them all, then consumes until done. */
    private static void consume(List<String> subjects, List<String> sent, List<String> single,
                                List<List<String>> batches, Predicate<DeadLetters> done, Consumer<DeadLetters> check)
            throws Exception {
        String topic = "batched-" + System.nanoTime() + "-events";
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri());
             CloudEventProducer producer = new CloudEventProducer()) {
            MongoDatabase database = mongo.getDatabase("batched-" + System.nanoTime());
            for (String subject : subjects) {
                sent.add(producer.send(topic, "jiguan.probe.Happened", subject, Instant.now(), DATA).eventId());
            }
            DeadLetters deadLetters = new DeadLetters(database, EventJson.mapper(), Clock.systemUTC());
            EventSubscription subscription = new EventSubscription("probe", List.of(topic), event -> {
                refuseBad(event);
                single.add(event.id());
            }, events -> {
                events.forEach(BatchedConsumingTest::refuseBad);
                batches.add(events.stream().map(ReceivedEvent::id).toList());
            });
            EventConsumers consumers = new EventConsumers(List.of(subscription),
                    KafkaConnection.plaintext(TestInfrastructure.kafkaBootstrap()), database.getName(),
                    Duration.ofSeconds(10), deadLetters, EventJson.mapper(), Traces.NONE);
            try {
                consumers.start();
                ChildService.waitUntil(() -> done.test(deadLetters), Duration.ofSeconds(30));
                check.accept(deadLetters);
            } finally {
                consumers.stop();
                database.drop();
            }
        }
    }

    private static void refuseBad(ReceivedEvent event) {
        if (event.subject().equals("bad")) {
            throw new UnprocessableEvent("bad event " + event.id());
        }
    }

    private static List<String> batchedIds(List<List<String>> batches) {
        return batches.stream().flatMap(List::stream).toList();
    }
}
