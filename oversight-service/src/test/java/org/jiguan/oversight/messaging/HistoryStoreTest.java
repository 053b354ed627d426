package org.jiguan.oversight.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.RecordedEvent;
import org.jiguan.platform.local.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Histories in chunks of {@value HistoryStore#CHUNK} events, on the local store through the real driver: an
 * event's chunk follows from its sequence, so adding one touches one bounded document however long the history is.
 */
class HistoryStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path storeFiles;
    private static EmbeddedMongo server;
    private static MongoClient client;
    private static MongoDatabase database;
    /** The commands this test's client sent to the store, by name. */
    private static final List<String> SENT = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedMongo.start(storeFiles, 0);
        client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(server.uri()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        SENT.add(event.getCommandName());
                    }
                }).build());
        database = client.getDatabase("history-store-test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void a_long_history_is_kept_in_bounded_documents_and_read_whole_in_order() {
        HistoryStore store = new HistoryStore(database, JSON, "_long");
        for (long sequence = 0; sequence < 200; sequence++) {
            assertThat(store.append(AggregateKind.COMMITTEE, "prov", "prov", null, event(sequence))).isTrue();
        }

        AggregateHistory history = store.load(AggregateKind.COMMITTEE, "prov").orElseThrow();
        assertThat(history.events()).extracting(RecordedEvent::sequence)
                .containsExactlyElementsOf(LongStream.range(0, 200).boxed().toList());
        assertThat(store.ofCommittee(AggregateKind.COMMITTEE, "prov")).singleElement()
                .satisfies(found -> assertThat(found.events()).hasSize(200));
        assertThat(documents("committee_histories_long")).as("events per document")
                .allSatisfy(doc -> assertThat(doc.getList("events", Document.class)).hasSizeLessThanOrEqualTo(
                        HistoryStore.CHUNK));
    }

    @Test
    void a_repeat_in_any_chunk_is_not_added_again() {
        HistoryStore store = new HistoryStore(database, JSON, "_repeats");
        for (long sequence = 0; sequence < 130; sequence++) {
            store.append(AggregateKind.ORGAN, "o1", "prov", "o1", event(sequence));
        }

        for (long sequence : new long[] {0, 63, 64, 100, 129}) {
            assertThat(store.append(AggregateKind.ORGAN, "o1", "prov", "o1", event(sequence))).as("#" + sequence)
                    .isFalse();
        }
        assertThat(store.load(AggregateKind.ORGAN, "o1").orElseThrow().events()).hasSize(130);
        assertThat(store.holds(AggregateKind.ORGAN, "o1", 129)).isTrue();
        assertThat(store.holds(AggregateKind.ORGAN, "o1", 130)).isFalse();
    }

    @Test
    void events_after_a_gap_in_an_earlier_chunk_are_held_until_it_is_filled() {
        HistoryStore store = new HistoryStore(database, JSON, "_gaps");
        for (long sequence = 0; sequence < 150; sequence++) {
            if (sequence != 70) {
                store.append(AggregateKind.ORGAN, "o2", "prov", "o2", event(sequence));
            }
        }
        assertThat(store.load(AggregateKind.ORGAN, "o2").orElseThrow().events()).hasSize(70);
        assertThat(store.ofOrgan(AggregateKind.ORGAN, "o2")).singleElement()
                .satisfies(found -> assertThat(found.events()).hasSize(70));

        store.append(AggregateKind.ORGAN, "o2", "prov", "o2", event(70));
        assertThat(store.load(AggregateKind.ORGAN, "o2").orElseThrow().events()).hasSize(150);
    }

    /** Each store remembers the chunks it wrote; another writer's change in between is found and read again. */
    @Test
    void two_writers_of_one_history_add_each_event_once() {
        HistoryStore first = new HistoryStore(database, JSON, "_writers");
        HistoryStore second = new HistoryStore(database, JSON, "_writers");

        assertThat(first.append(AggregateKind.ORGAN, "o3", "prov", "o3", event(0))).isTrue();
        assertThat(second.append(AggregateKind.ORGAN, "o3", "prov", "o3", event(1))).isTrue();
        assertThat(first.append(AggregateKind.ORGAN, "o3", "prov", "o3", event(2))).as("after the other's write")
                .isTrue();
        assertThat(first.append(AggregateKind.ORGAN, "o3", "prov", "o3", event(1))).as("the other's event").isFalse();
        assertThat(second.append(AggregateKind.ORGAN, "o3", "prov", "o3", event(2))).as("the other's event").isFalse();

        assertThat(second.load(AggregateKind.ORGAN, "o3").orElseThrow().events()).extracting(RecordedEvent::sequence)
                .containsExactly(0L, 1L, 2L);
    }

    /**
     * A consumer's poll added as one batch ends as the same histories as its events added one by one: chunks
     * crossed within the batch, several aggregates, repeats inside the batch and of what was stored before.
     */
    @Test
    void a_batch_ends_as_its_events_added_one_by_one() {
        HistoryStore single = new HistoryStore(database, JSON, "_single");
        HistoryStore batched = new HistoryStore(database, JSON, "_batched");
        List<HistoryStore.Append> earlier = new ArrayList<>();
        List<HistoryStore.Append> poll = new ArrayList<>();
        for (long sequence = 0; sequence < 60; sequence++) {
            earlier.add(append("o5", sequence));
        }
        for (long sequence = 55; sequence < 140; sequence++) { // 55..59 held already; crosses chunks 0, 1 and 2
            poll.add(append("o5", sequence));
            poll.add(append("o6", sequence - 55));
        }
        poll.add(append("o6", 3)); // a repeat inside the batch
        for (HistoryStore.Append a : concat(earlier, poll)) {
            single.append(a.kind(), a.aggregateId(), a.committeeId(), a.organId(), a.event());
        }

        batched.appendAll(earlier);
        SENT.clear();
        batched.appendAll(poll);
        assertThat(SENT).as("170 events of two organs over five chunks: one insert and one update command, nothing "
                + "read (the chunks not known here all open in the poll)").containsExactlyInAnyOrder("insert", "update");
        batched.appendAll(poll); // the same poll again, as after a restart before the offsets were committed

        for (String organ : List.of("o5", "o6")) {
            assertThat(batched.load(AggregateKind.ORGAN, organ).orElseThrow().events())
                    .extracting(RecordedEvent::sequence).as(organ)
                    .containsExactlyElementsOf(single.load(AggregateKind.ORGAN, organ).orElseThrow().events()
                            .stream().map(RecordedEvent::sequence).toList());
        }
        assertThat(batched.load(AggregateKind.ORGAN, "o5").orElseThrow().events()).hasSize(140);
        assertThat(documents("organ_histories_batched")).as("events per document")
                .allSatisfy(doc -> assertThat(doc.getList("events", Document.class)).hasSizeLessThanOrEqualTo(
                        HistoryStore.CHUNK));
    }

    /**
     * A batch written on chunk heads another writer has changed since (an update on a stale version, a chunk it
     * created meanwhile) is added again event by event: nothing twice, nothing lost.
     */
    @Test
    void a_batch_on_chunks_another_writer_changed_adds_each_event_once() {
        HistoryStore first = new HistoryStore(database, JSON, "_batch_writers");
        HistoryStore second = new HistoryStore(database, JSON, "_batch_writers");
        first.appendAll(List.of(append("o7", 0), append("o7", 1)));
        second.append(AggregateKind.ORGAN, "o7", "prov", "o7", event(2)); // first's head of o7 is stale now
        second.append(AggregateKind.ORGAN, "o8", "prov", "o8", event(0)); // created behind first's back

        first.appendAll(List.of(append("o7", 2), append("o7", 3), append("o8", 0), append("o8", 1)));

        assertThat(second.load(AggregateKind.ORGAN, "o7").orElseThrow().events()).extracting(RecordedEvent::sequence)
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(second.load(AggregateKind.ORGAN, "o8").orElseThrow().events()).extracting(RecordedEvent::sequence)
                .containsExactly(0L, 1L);
        first.appendAll(List.of(append("o7", 4)));
        assertThat(second.load(AggregateKind.ORGAN, "o7").orElseThrow().events()).hasSize(5);
    }

    private static HistoryStore.Append append(String organ, long sequence) {
        return new HistoryStore.Append(AggregateKind.ORGAN, organ, "prov", organ, event(sequence));
    }

    private static List<HistoryStore.Append> concat(List<HistoryStore.Append> a, List<HistoryStore.Append> b) {
        List<HistoryStore.Append> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A history written as one document before chunks: split at start, then read and added to as any other. */
    @Test
    void a_whole_history_written_before_chunks_is_split_once() {
        HistoryStore store = new HistoryStore(database, JSON, "_whole");
        List<Document> events = new ArrayList<>();
        for (long sequence = 0; sequence < 150; sequence++) {
            RecordedEvent e = event(sequence);
            events.add(new Document("type", e.type()).append("eventId", e.eventId()).append("sequence", sequence)
                    .append("recordedAt", e.recordedAt().toString()).append("data", e.data().toString()));
        }
        database.getCollection("organ_histories_whole").insertOne(new Document("_id", "old").append("committeeId",
                "prov").append("organId", "old").append("mark", 149L).append("version", 149L).append("events", events));

        assertThat(store.splitWholeHistories()).isEqualTo(1);
        assertThat(store.splitWholeHistories()).as("once").isZero();

        assertThat(store.load(AggregateKind.ORGAN, "old").orElseThrow().events()).hasSize(150);
        assertThat(store.append(AggregateKind.ORGAN, "old", "prov", "old", event(100))).as("a repeat").isFalse();
        assertThat(store.append(AggregateKind.ORGAN, "old", "prov", "old", event(150))).isTrue();
        assertThat(store.ofCommittee(AggregateKind.ORGAN, "prov")).singleElement()
                .satisfies(found -> assertThat(found.events()).hasSize(151));
    }

    private static List<Document> documents(String collection) {
        MongoCollection<Document> histories = database.getCollection(collection);
        return histories.find().into(new ArrayList<>());
    }

    private static RecordedEvent event(long sequence) {
        return new RecordedEvent("jiguan.organ.LeaderAppointed", "e" + sequence, sequence, Instant.now(),
                JSON.createObjectNode().put("committeeId", "prov").put("memberId", "m" + sequence));
    }
}
