package org.jiguan.platform.eventlog;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.jiguan.platform.eventlog.CommitDocuments.MAX_EVENTS_PER_COMMIT;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.Optional;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log of a service (ARCHITECTURE.md "Storage and messaging"), as Axon's storage engine over MongoDB.
 * <ol>
 * <li><b>All or nothing.</b> A unit of work's events, on every aggregate it touched, are one document. A unique
 * index on the commit's stream keys ({@code aggregateId#sequence}) makes a sequence number taken by exactly one
 * commit: a racing command's whole commit is refused, never a part of it. No transaction is needed.</li>
 * <li><b>A position that only grows.</b> The store allocates each commit's position ({@code $inc} on one counter
 * document) before the commit is written; readers follow positions, never clocks. A position allocated but not
 * yet written is a gap: readers hold there for at most {@code gapTimeout}, then write a skip marker at it. The
 * marker and a late commit race on the same {@code _id}; whichever lands first wins, so a commit is either read or
 * refused (its command then retries on a new position), never skipped silently.</li>
 * <li><b>No scan.</b> Every query is an {@code _id} lookup or a lookup on the unique {@code streams} index, exact
 * or {@code $in}: see {@link EventLogQueries}.</li>
 * </ol>
 * Tracking tokens are {@link GlobalSequenceTrackingToken}s holding {@code position * 1024 + index in commit}, so a
 * processor can stop and resume inside a commit; the last event of a commit holds index 1023, so a reader that
 * finished a commit resumes at the next one without reading it again.
 */
public class CommitLogStorageEngine extends BatchingEventStorageEngine {
    private static final Logger log = LoggerFactory.getLogger(CommitLogStorageEngine.class);
    private static final int POSITION_RETRIES = 3;
    private static final int FIRST_PROBE = 8;
    private static final int LARGEST_PROBE = 256;
    /** How many positions back from the newest this instance's commits are kept for the readers. */
    private static final int WRITTEN_KEPT = 1_024;
    /** A commit kept for the readers holds at most this many characters of payload and metadata. */
    private static final int WRITTEN_KEPT_CHARS = 16_384;

    private final EventLogQueries queries;
    private final PositionRequests positions;
    private final Duration gapTimeout;
    /** Gaps this reader has met, with when it first met them (its own monotonic clock, never another's). */
    private final Map<Long, Long> gapsFirstSeen = new HashMap<>();
    /**
     * The commits this instance wrote, by position, kept for the readers: a reader takes its own instance's commits
     * from here instead of reading them back from the store (each was stored before it was put here). Dropped once a
     * reader has passed them, and at most {@link #WRITTEN_KEPT} positions back from the newest; a large commit is not
     * kept (readers read it from the store), so this holds at most a few megabytes whatever the readers do.
     */
    private final ConcurrentSkipListMap<Long, Document> writtenHere = new ConcurrentSkipListMap<>();
    /**
     * The positions this instance's writers hold and have not yet written or given up: a reader holds at them as at
     * any gap (passing them after the gap timeout) without asking the store whether they are written yet.
     */
    private final NavigableSet<Long> writingHere = new ConcurrentSkipListSet<>();
    /** The highest position this instance allocated: every position up to it is allocated. */
    private final AtomicLong allocatedHere = new AtomicLong();
    private final Duration counterInterval;
    private final LongSupplier nanoTime;
    /** The counter as last read by a reader, and when (guarded by the readers' lock). */
    private long counterSeen;
    private long counterReadAt;
    private boolean counterRead;

    private CommitLogStorageEngine(Builder builder) {
        super(builder);
        this.queries = new EventLogQueries(builder.database);
        this.positions = new PositionRequests(this::allocate);
        this.gapTimeout = builder.gapTimeout;
        this.counterInterval = builder.counterInterval;
        this.nanoTime = builder.nanoTime;
        queries.ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- writing

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        if (events.size() > MAX_EVENTS_PER_COMMIT) {
            throw new EventStoreException("A unit of work may store at most " + MAX_EVENTS_PER_COMMIT
                    + " events, not " + events.size());
        }
        for (int attempt = 1; ; attempt++) {
            long position = positions.next();
            try {
                Document commit = CommandKeys.addTo(CommitDocuments.commit(position, events, serializer), serializer);
                queries.insertCommit(commit);
                if (CommitDocuments.textLength(commit) <= WRITTEN_KEPT_CHARS) {
                    writtenHere.put(position, commit);
                }
                writtenHere.headMap(position - WRITTEN_KEPT).clear();
                return;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new EventStoreException("Could not store " + events.size() + " events", e);
                }
                if (queries.isTaken(position) && attempt < POSITION_RETRIES) {
                    // Readers passed this position after their gap timeout (or the store handed it out twice):
                    // nothing of ours is stored, so store it at a new position.
                    log.warn("Position {} was taken before this commit landed; storing it at a new one", position);
                    continue;
                }
                // One of our stream keys is taken: another command stored that aggregate's sequence first.
                log.debug("Commit at position {} refused: {}", position, e.getError().getMessage());
                queries.markSkipped(position, "conflict");
                handlePersistenceException(e, conflictingEvent(events, e));
            } finally {
                writingHere.remove(position);
            }
        }
    }

    /**
     * Allocates positions for a group of this instance's commits: each is being written from now on, so readers hold
     * at it without asking the store, even before the writer it is handed to has woken up.
     */
    private long allocate(int count) {
        long first = queries.allocatePositions(count);
        for (long position = first; position < first + count; position++) {
            writingHere.add(position);
        }
        allocatedHere.accumulateAndGet(first + count - 1, Math::max);
        return first;
    }

    private static EventMessage<?> conflictingEvent(List<? extends EventMessage<?>> events, MongoWriteException e) {
        String message = e.getError().getMessage();
        for (EventMessage<?> event : events) {
            if (message.contains('"' + CommitDocuments.keyOf(event) + '"')) {
                return event;
            }
        }
        return events.get(0);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        // Any stored snapshot is valid (events after it are applied on load), so a racing older one is harmless.
        queries.snapshots().replaceOne(eq("_id", snapshot.getAggregateIdentifier()),
                CommitDocuments.snapshot(snapshot, serializer), new ReplaceOptions().upsert(true));
    }

    // ---- reading one aggregate

    /**
     * An aggregate's events from a sequence on, asked for in growing batches of keys (8, 32, 128, 256): most
     * aggregates have a few events after their snapshot, and each key asked for costs an index lookup, which
     * on the local server is dear (its index compares serialized keys).
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String aggregateId, long firstSequence) {
        List<DomainEventData<?>> events = new ArrayList<>();
        long next = firstSequence;
        for (int keys = FIRST_PROBE; ; keys = Math.min(keys * 4, LARGEST_PROBE)) {
            List<? extends DomainEventData<?>> batch = fetchDomainEvents(aggregateId, next, keys);
            events.addAll(batch);
            if (batch.size() < keys) {
                return events.stream();
            }
            next += keys;
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateId, long firstSequence,
                                                                   int batchSize) {
        List<String> keys = LongStream.range(firstSequence, firstSequence + batchSize)
                .mapToObj(sequence -> CommitDocuments.streamKey(aggregateId, sequence))
                .toList();
        List<Document> entries = new ArrayList<>();
        for (Document commit : queries.commits().find(in(CommitDocuments.STREAMS, keys))) {
            CommitDocuments.events(commit).stream()
                    .filter(entry -> aggregateId.equals(entry.getString("aggregateId"))
                            && entry.getLong("sequence") >= firstSequence)
                    .forEach(entries::add);
        }
        entries.sort(Comparator.comparingLong(entry -> entry.getLong("sequence")));
        return entries.stream().limit(batchSize).map(CommitDocuments::eventData).toList();
    }

    /**
     * Whether the log holds the aggregate's event {@code sequence}: one lookup on the unique {@code streams} index,
     * so that a cached aggregate can be checked against writes of other instances before it is used.
     */
    public boolean holds(String aggregateId, long sequence) {
        return queries.commits().find(in(CommitDocuments.STREAMS, List.of(CommitDocuments.streamKey(aggregateId,
                sequence)))).projection(new Document("_id", 1)).first() != null;
    }

    /** The result of the command stored under an {@code Idempotency-Key}'s command key, if it is stored. */
    public Optional<CommandKeys.StoredResult> storedCommandResult(String commandKey) {
        return CommandKeys.storedResult(queries.commits(), commandKey, getEventSerializer());
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateId) {
        Document snapshot = queries.snapshots().find(eq("_id", aggregateId)).first();
        return snapshot == null ? Stream.empty() : Stream.of(CommitDocuments.eventData(snapshot));
    }

    // ---- following the log

    /**
     * The events after {@code token} as far as the log can be read now: ends with the first batch shorter than the
     * batch size, which {@link #fetchTrackedEvents} returns only when it reached the last position allocated or a gap
     * it holds at. Axon's own stream would ask once more and end only on an empty batch, which cost every reader two
     * more store requests per wake-up (the counter and the window) for nothing. A reader that wants more opens a new
     * stream: the event store's producer does at each wake-up, and a processor's private stream when it runs dry.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken token, boolean mayBlock) {
        int size = batchSize();
        Iterator<TrackedEventData<?>> events = new Iterator<>() {
            private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
            private TrackingToken last = token;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (!batch.hasNext() && !ended) {
                    List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(last, size);
                    ended = fetched.size() < size;
                    batch = fetched.iterator();
                }
                return batch.hasNext();
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TrackedEventData<?> next = batch.next();
                last = next.trackingToken();
                return next;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED
                | Spliterator.NONNULL | Spliterator.DISTINCT), false);
    }

    /**
     * The events after {@code lastToken}, in position order: commits read by {@code _id $in} a window of
     * positions up to the last one allocated; at a gap, holds (returns what came before it) until the gap is
     * filled or has waited {@code gapTimeout}, then marks it skipped and goes on.
     */
    @Override
    protected synchronized List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken,
                                                                                   int batchSize) {
        LogPosition resume = LogPosition.after(lastToken);
        writtenHere.headMap(resume.commit()).clear();
        writingHere.headSet(resume.commit()).clear(); // a position passed as a gap: its writer stores it anew
        long lastAllocated = lastAllocated();
        List<TrackedEventData<?>> batch = new ArrayList<>();
        long from = resume.commit();
        while (batch.size() < batchSize && from <= lastAllocated) {
            long to = Math.min(lastAllocated, from + batchSize - 1);
            Map<Long, Document> commits = commitsBetween(from, to);
            for (long position = from; position <= to; position++) {
                Document commit = commits.get(position);
                if (commit == null) {
                    commit = passGapIfOld(position);
                    if (commit == null) {
                        return batch;
                    }
                }
                gapsFirstSeen.remove(position);
                if (!CommitDocuments.isSkipMarker(commit)) {
                    addEvents(batch, position, commit, position == resume.commit() ? resume.index() : -1);
                }
            }
            from = to + 1;
        }
        return batch;
    }

    /**
     * The commits at positions {@code from} to {@code to}: those this instance wrote from memory; those its writers
     * are still writing, not at all (gaps for now); the others (another instance's, a gap) read by {@code _id $in}.
     */
    private Map<Long, Document> commitsBetween(long from, long to) {
        Map<Long, Document> commits = new HashMap<>(writtenHere.subMap(from, true, to, true));
        List<Long> unknown = LongStream.rangeClosed(from, to)
                .filter(p -> !commits.containsKey(p) && !writingHere.contains(p)).boxed().toList();
        if (!unknown.isEmpty()) {
            commits.putAll(queries.commitsAt(unknown));
        }
        return commits;
    }

    /**
     * The last position allocated, as far as this reader needs it: the counter, asked at most once per
     * {@code counterInterval}, or the highest position this instance allocated itself if that is higher (every
     * position up to it is allocated). So a reader woken by this instance's commits reads them without asking the
     * counter, a reader woken with nothing new to read asks the store nothing, and other instances' commits are
     * found by the counter within an interval, as by the event store's own polling. A position missing below the
     * value returned was allocated, so it is a gap either way.
     */
    private long lastAllocated() {
        long now = nanoTime.getAsLong();
        if (!counterRead || now - counterReadAt >= counterInterval.toNanos()) {
            counterSeen = queries.lastAllocatedPosition();
            counterReadAt = now;
            counterRead = true;
        }
        return Math.max(counterSeen, allocatedHere.get());
    }

    private static void addEvents(List<TrackedEventData<?>> batch, long position, Document commit, int afterIndex) {
        List<Document> events = CommitDocuments.events(commit);
        for (int index = afterIndex + 1; index < events.size(); index++) {
            // The last event of a commit carries the commit's last index, so a reader resumes at the next commit.
            int tokenIndex = index == events.size() - 1 ? MAX_EVENTS_PER_COMMIT - 1 : index;
            batch.add(new TrackedDomainEventData<>(LogPosition.token(position, tokenIndex),
                    CommitDocuments.eventData(events.get(index))));
        }
    }

    /** The commit at a gap once it has arrived, a skip marker once the gap is old enough, else null (hold). */
    private Document passGapIfOld(long position) {
        long now = System.nanoTime();
        long firstSeen = gapsFirstSeen.computeIfAbsent(position, p -> now);
        if (now - firstSeen < gapTimeout.toNanos()) {
            return null;
        }
        Document commit = queries.markSkippedOrRead(position, "gap");
        if (CommitDocuments.isSkipMarker(commit)) {
            log.warn("Position {} stayed empty for {} (a writer died or lost its race); passed", position,
                    gapTimeout);
        }
        return commit;
    }

    /** The commit a token's global index lies in. */
    public static long commitOf(long globalIndex) {
        return globalIndex / MAX_EVENTS_PER_COMMIT;
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        long last = queries.lastAllocatedPosition();
        return last == 0 ? null : LogPosition.token(last, MAX_EVENTS_PER_COMMIT - 1);
    }

    public static final class Builder extends BatchingEventStorageEngine.Builder {
        private MongoDatabase database;
        private Duration gapTimeout = Duration.ofSeconds(3);
        private Duration counterInterval = Duration.ofMillis(50);
        private LongSupplier nanoTime = System::nanoTime;

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        /** How long readers hold at a position allocated but not written before passing it. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /**
         * How often at most a reader asks the store for the last position allocated by any instance: other
         * instances' commits are found at most this long after the reader's first wake-up once they are stored.
         */
        public Builder counterInterval(Duration counterInterval) {
            this.counterInterval = counterInterval;
            return this;
        }

        /** The readers' monotonic clock (tests). */
        Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = nanoTime;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        public CommitLogStorageEngine build() {
            persistenceExceptionResolver(e -> e instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY);
            return new CommitLogStorageEngine(this);
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new IllegalStateException("The event log needs a MongoDatabase");
            }
        }
    }

    /** A place in the log: a commit's position and the index of an event in it (-1: before its first event). */
    record LogPosition(long commit, int index) {
        static LogPosition after(TrackingToken token) {
            if (token == null) {
                return new LogPosition(1, -1);
            }
            long global = ((GlobalSequenceTrackingToken) WrappedToken.unwrapLowerBound(token)).getGlobalIndex();
            if (global < MAX_EVENTS_PER_COMMIT) {
                return new LogPosition(1, -1);
            }
            long commit = commitOf(global);
            int index = (int) (global % MAX_EVENTS_PER_COMMIT);
            return index == MAX_EVENTS_PER_COMMIT - 1 ? new LogPosition(commit + 1, -1) : new LogPosition(commit, index);
        }

        static GlobalSequenceTrackingToken token(long commit, int index) {
            return new GlobalSequenceTrackingToken(commit * MAX_EVENTS_PER_COMMIT + index);
        }
    }
}
