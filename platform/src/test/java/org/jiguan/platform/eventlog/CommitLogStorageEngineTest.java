package org.jiguan.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.jiguan.platform.testing.QueryShapes;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The four guarantees of the event log (ARCHITECTURE.md), on the local store through the real driver. */
class CommitLogStorageEngineTest {
    record Note(String text) {
    }

    private MongoClient mongo;
    private MongoDatabase database;
    private CommitLogStorageEngine log;

    @BeforeEach
    void openLog() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        database = mongo.getDatabase("event-log-test-" + System.nanoTime());
        log = open(Duration.ofMillis(300));
    }

    private CommitLogStorageEngine open(Duration gapTimeout) {
        return logOn(database).gapTimeout(gapTimeout).build();
    }

    private static CommitLogStorageEngine.Builder logOn(MongoDatabase database) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return CommitLogStorageEngine.builder().database(database).eventSerializer(serializer)
                .snapshotSerializer(serializer);
    }

    /** A client of the test store whose every query is recorded. */
    private static MongoClient listenedBy(QueryShapes asked) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(asked).build());
    }

    @AfterEach
    void close() {
        database.drop();
        mongo.close();
    }

    private static DomainEventMessage<Note> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Note", aggregate, sequence, new Note(aggregate + "#" + sequence));
    }

    @Test
    void a_commit_over_two_aggregates_is_stored_whole_or_not_at_all() {
        log.appendEvents(List.of(event("committee", 0), event("organ-1", 0)));

        // a racing command took committee#1 meanwhile; this one also creates organ-2, which must not appear alone
        log.appendEvents(List.of(event("committee", 1)));
        assertThatThrownBy(() -> log.appendEvents(List.of(event("committee", 1), event("organ-2", 0))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(log.readEvents("organ-2").asStream()).isEmpty();
        assertThat(log.readEvents("committee").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L);
        assertThat(texts(readAll(null))).containsExactly("committee#0", "organ-1#0", "committee#1");
    }

    @Test
    void an_id_in_use_is_refused_as_a_creation_conflict() {
        log.appendEvents(List.of(event("organ-1", 0)));
        assertThatThrownBy(() -> log.appendEvents(List.of(event("committee", 3), event("organ-1", 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void a_refused_commit_gives_up_its_position_so_readers_do_not_wait() {
        log.appendEvents(List.of(event("a", 0)));
        assertThatThrownBy(() -> log.appendEvents(List.of(event("a", 0)))).isInstanceOf(RuntimeException.class);
        log.appendEvents(List.of(event("b", 0)));

        CommitLogStorageEngine patientReader = open(Duration.ofHours(1));
        assertThat(texts(readAll(patientReader, null))).containsExactly("a#0", "b#0");
    }

    @Test
    void readers_hold_at_a_position_being_written_then_pass_it_and_the_late_commit_is_refused() {
        EventLogQueries queries = new EventLogQueries(database);
        log.appendEvents(List.of(event("a", 0)));
        long slow = queries.allocatePositions(1); // a writer that allocated and has not written yet
        log.appendEvents(List.of(event("b", 0)));

        assertThat(texts(readAll(null))).as("held at the gap").containsExactly("a#0");
        sleep(400);
        assertThat(texts(readAll(null))).as("passed after the gap timeout").containsExactly("a#0", "b#0");

        assertThatThrownBy(() -> queries.insertCommit(new Document("_id", slow)
                .append(CommitDocuments.STREAMS, List.of("c#0"))))
                .as("the slow writer's commit cannot land behind readers").hasMessageContaining("duplicate key");
    }

    @Test
    void a_commit_that_arrives_within_the_gap_timeout_is_read_in_its_place() {
        EventLogQueries queries = new EventLogQueries(database);
        long slow = queries.allocatePositions(1);
        log.appendEvents(List.of(event("b", 0)));
        assertThat(readAll(null)).isEmpty();

        queries.insertCommit(CommitDocuments.commit(slow, List.of(event("a", 0)), JacksonSerializer.defaultSerializer()));
        assertThat(texts(readAll(null))).containsExactly("a#0", "b#0");
    }

    @Test
    void a_reader_resumes_inside_a_commit() {
        log.appendEvents(List.of(event("m", 0), event("d1", 0), event("d2", 0)));
        List<? extends TrackedEventMessage<?>> all = readAll(null);
        assertThat(texts(readAll(all.get(0).trackingToken()))).containsExactly("d1#0", "d2#0");
        assertThat(readAll(all.get(2).trackingToken())).isEmpty();
    }

    @Test
    void a_reader_that_reaches_the_end_of_the_log_stops_there_without_asking_again() {
        for (int i = 0; i < 3; i++) {
            log.appendEvents(List.of(event("e" + i, 0)));
        }
        QueryShapes asked = new QueryShapes();
        try (MongoClient listened = listenedBy(asked)) {
            CommitLogStorageEngine reader = logOn(listened.getDatabase(database.getName())).build();
            asked.clear();

            assertThat(texts(readAll(reader, null))).containsExactly("e0#0", "e1#0", "e2#0");
            assertThat(asked.recorded()).as("the counter once, the commits once: a short batch ends the stream")
                    .hasSize(2);
        }
    }

    @Test
    void a_reader_takes_this_instances_commits_from_memory_and_finds_the_others_by_the_counter() {
        QueryShapes asked = new QueryShapes();
        AtomicLong clock = new AtomicLong();
        try (MongoClient listened = listenedBy(asked)) {
            CommitLogStorageEngine instance = logOn(listened.getDatabase(database.getName()))
                    .counterInterval(Duration.ofMillis(50)).nanoTime(clock::get).build();
            instance.appendEvents(List.of(event("own", 0)));
            List<? extends TrackedEventMessage<?>> first = readAll(instance, null);
            assertThat(texts(first)).containsExactly("own#0");

            instance.appendEvents(List.of(event("own", 1)));
            instance.appendEvents(List.of(event("own", 2)));
            asked.clear();
            List<? extends TrackedEventMessage<?>> next = readAll(instance, first.get(0).trackingToken());
            assertThat(texts(next)).containsExactly("own#1", "own#2");
            assertThat(asked.recorded()).as("its own commits are known to be allocated and kept: nothing is asked")
                    .isEmpty();

            log.appendEvents(List.of(event("other", 0))); // another instance
            asked.clear();
            TrackingToken last = next.get(1).trackingToken();
            assertThat(readAll(instance, last)).as("nothing new known within the interval").isEmpty();
            assertThat(asked.recorded()).as("a wake-up with nothing new to read asks nothing").isEmpty();

            clock.addAndGet(Duration.ofMillis(50).toNanos());
            assertThat(texts(readAll(instance, last))).as("the counter, asked again after the interval, tells of the "
                    + "other instance's commit").containsExactly("other#0");
            assertThat(asked.recorded()).anyMatch(query -> query.startsWith(EventLogQueries.POSITIONS + " find"))
                    .as("the other instance's commit is read from the store")
                    .anyMatch(query -> query.startsWith(EventLogQueries.COMMITS + " find"));
        }
    }

    @Test
    void a_unit_of_work_too_large_for_one_commit_is_refused_before_anything_is_stored() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i <= CommitDocuments.MAX_EVENTS_PER_COMMIT; i++) {
            events.add(event("big", i));
        }
        assertThatThrownBy(() -> log.appendEvents(events)).isInstanceOf(EventStoreException.class);
        assertThat(readAll(null)).isEmpty();
    }

    @Test
    void racing_writers_and_a_following_reader_see_every_commit_once_in_each_aggregates_order() throws Exception {
        int writers = 8;
        int commitsEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Long> nextSequence = new ConcurrentHashMap<>();
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            results.add(pool.submit(() -> {
                start.await();
                int stored = 0;
                for (int i = 0; i < commitsEach; i++) {
                    String aggregate = "shared-" + (i % 3); // every writer competes for three aggregates
                    long sequence = nextSequence.getOrDefault(aggregate, 0L);
                    try {
                        log.appendEvents(List.of(event(aggregate, sequence)));
                        nextSequence.merge(aggregate, sequence + 1, Math::max);
                        stored++;
                    } catch (ConcurrencyException | AggregateStreamCreationException lost) {
                        nextSequence.merge(aggregate, sequence + 1, Math::max);
                    }
                }
                return stored;
            }));
        }
        List<TrackedEventMessage<?>> followed = new ArrayList<>();
        start.countDown();
        TrackingToken token = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int stored = -1;
        while (System.nanoTime() < deadline) {
            List<? extends TrackedEventMessage<?>> batch = readAll(token);
            followed.addAll(batch);
            if (!batch.isEmpty()) {
                token = batch.get(batch.size() - 1).trackingToken();
            }
            if (stored < 0 && results.stream().allMatch(Future::isDone)) {
                stored = 0;
                for (Future<Integer> r : results) {
                    stored += r.get();
                }
            }
            if (stored >= 0 && followed.size() >= stored) {
                break;
            }
        }
        pool.shutdown();

        assertThat(followed).hasSize(stored);
        Map<String, Long> expected = new HashMap<>();
        for (TrackedEventMessage<?> e : followed) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) e;
            long want = expected.getOrDefault(domain.getAggregateIdentifier(), 0L);
            assertThat(domain.getSequenceNumber()).as("order of %s", domain.getAggregateIdentifier()).isEqualTo(want);
            expected.put(domain.getAggregateIdentifier(), want + 1);
        }
    }

    /** What is kept in memory for the readers stays small: a large commit is read back from the store. */
    @Test
    void a_large_commit_is_not_kept_in_memory_but_read_from_the_store() {
        QueryShapes asked = new QueryShapes();
        try (MongoClient listened = listenedBy(asked)) {
            CommitLogStorageEngine instance = logOn(listened.getDatabase(database.getName())).build();
            instance.appendEvents(List.of(event("small", 0)));
            TrackingToken first = readAll(instance, null).get(0).trackingToken();
            instance.appendEvents(List.of(new GenericDomainEventMessage<>("Note", "large", 0,
                    new Note("x".repeat(20_000)))));
            asked.clear();

            assertThat(readAll(instance, first)).hasSize(1);
            assertThat(asked.recorded()).as("the large commit, read from the store")
                    .anyMatch(query -> query.startsWith(EventLogQueries.COMMITS + " find"));
        }
    }

    /** A position this instance's writer holds is a gap the reader waits at without asking the store about it. */
    @Test
    void a_reader_holds_at_a_position_this_instance_is_writing_without_asking_the_store() throws Exception {
        AtomicBoolean armed = new AtomicBoolean();
        CountDownLatch inserting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> asked = new CopyOnWriteArrayList<>();
        CommandListener holdingACommit = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                String collection = event.getCommand().get(event.getCommandName()).isString()
                        ? event.getCommand().getString(event.getCommandName()).getValue() : "";
                asked.add(event.getCommandName() + " " + collection);
                if (event.getCommandName().equals("insert") && armed.getAndSet(false)) {
                    inserting.countDown();
                    await(release);
                }
            }
        };
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri()))
                .addCommandListener(holdingACommit).build())) {
            CommitLogStorageEngine instance = logOn(listened.getDatabase(database.getName())).build();
            instance.appendEvents(List.of(event("own", 0)));
            TrackingToken first = readAll(instance, null).get(0).trackingToken();

            armed.set(true);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            Future<?> writing = writer.submit(() -> instance.appendEvents(List.of(event("own", 1))));
            await(inserting);
            asked.clear();
            assertThat(readAll(instance, first)).as("held at the position being written").isEmpty();
            assertThat(asked).as("what the reader asked the store").noneMatch(q -> q.startsWith("find "
                    + EventLogQueries.COMMITS));

            release.countDown();
            writing.get(10, TimeUnit.SECONDS);
            writer.shutdown();
            assertThat(texts(readAll(instance, first))).containsExactly("own#1");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link PositionRequests}: one {@code $inc} for the commands waiting together, one position each. */
    @Test
    void writers_asking_for_positions_at_once_share_a_request_and_each_commit_has_its_own_position() throws Exception {
        int writers = 16;
        int commitsEach = 25;
        QueryShapes asked = new QueryShapes();
        try (MongoClient listened = listenedBy(asked)) {
            CommitLogStorageEngine grouped = logOn(listened.getDatabase(database.getName())).build();
            asked.clear();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String aggregate = "writer-" + w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < commitsEach; i++) {
                        grouped.appendEvents(List.of(event(aggregate, i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            List<Long> positions = readAll(grouped, null).stream()
                    .map(e -> ((GlobalSequenceTrackingToken) e.trackingToken()).getGlobalIndex() / 1024).toList();
            assertThat(positions).as("one position per commit, from 1 on, none lost").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, writers * commitsEach).boxed()
                            .toList());
            long requests = asked.recorded().stream().filter(q -> q.startsWith("event_positions findAndModify"))
                    .count();
            assertThat(requests).as("requests for %d positions", writers * commitsEach)
                    .isPositive().isLessThan(writers * commitsEach);
        }
    }

    private List<? extends TrackedEventMessage<?>> readAll(TrackingToken after) {
        return readAll(log, after);
    }

    private static List<? extends TrackedEventMessage<?>> readAll(CommitLogStorageEngine reader, TrackingToken after) {
        return reader.readEvents(after, false).toList();
    }

    private static List<String> texts(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> ((Note) e.getPayload()).text()).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
