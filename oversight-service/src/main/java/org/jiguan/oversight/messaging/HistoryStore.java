package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.RecordedEvent;

/**
 * Event histories in MongoDB: one collection per aggregate kind ({@code organ_histories}, …), each aggregate's
 * events in documents of at most {@value #CHUNK} events, sequences {@code 64k…64k+63} in chunk {@code k}:
 * <pre>{_id: "&lt;aggregateId&gt;" for chunk 0, "&lt;aggregateId&gt;/&lt;k&gt;" after it, aggregateId, chunk, committeeId,
 *  organId, version, events: [{type, eventId, sequence, recordedAt, data}]}</pre>
 * An event's chunk follows from its sequence, so adding one reads and rewrites one bounded document by key,
 * however long the history grows (a committee's history grows with its organs; when it was one document, each
 * added event cost more than the one before). Ids hold no {@code /} (CONTRACT.md), so a chunk's id is nobody's
 * aggregate id. Every write is conditional on the document's {@code version} ({@code {_id, version}}, served by a
 * unique index on both, so it is a lookup and not a scan on the local server), so a repeat or a concurrent writer
 * cannot add an event twice; a lost race is retried. An event already held is a repeat. An event may arrive after
 * a later one (a dead letter applied again): readers see an aggregate's events in sequence order and only up to
 * the first missing one, so the aggregate is held at a gap until the missing event arrives. {@code data} is kept
 * as the JSON text received, so any event can be stored exactly as its producer wrote it.
 */
public class HistoryStore {
    /** Events per document. */
    static final int CHUNK = 64;
    private static final int RACE_RETRIES = 10;
    private static final int HEADS_KEPT = 10_000;
    private static final String AGGREGATE_ID = "aggregateId";
    private static final String CHUNK_NO = "chunk";

    private final Map<AggregateKind, MongoCollection<Document>> collections = new EnumMap<>(AggregateKind.class);
    /**
     * The chunks this store wrote last, with their version and sequences, so that adding the next event to one is
     * a single conditional write; a version changed meanwhile (another writer) fails that write, and the chunk is
     * read again.
     */
    private final Map<String, ChunkHead> heads = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ChunkHead> eldest) {
                    return size() > HEADS_KEPT;
                }
            });
    private final ObjectMapper json;

    /** @param suffix appended to the collection names; empty for the live histories */
    public HistoryStore(MongoDatabase database, ObjectMapper json, String suffix) {
        this.json = json;
        for (AggregateKind kind : AggregateKind.values()) {
            collections.put(kind, database.getCollection(collectionName(kind, suffix)));
        }
        createIndexes();
    }

    /**
     * The unique index every conditional write is served by: without it, the local server scans the collection for
     * each {@code {_id, version}} write.
     */
    private void createIndexes() {
        collections.values().forEach(histories -> histories.createIndex(Indexes.ascending("_id", "version"),
                new IndexOptions().unique(true).name("_id_version")));
    }

    public static String collectionName(AggregateKind kind, String suffix) {
        return kind.name().toLowerCase() + "_histories" + suffix;
    }

    /**
     * Adds an event to an aggregate's history unless it holds that sequence already.
     *
     * @return true when added, false for a repeat
     */
    public boolean append(AggregateKind kind, String aggregateId, String committeeId, String organId,
                          RecordedEvent event) {
        MongoCollection<Document> histories = collections.get(kind);
        Document entry = entry(event);
        long sequence = event.sequence();
        long chunk = sequence / CHUNK;
        String chunkId = chunkId(aggregateId, chunk);
        String headKey = kind + " " + chunkId;
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            ChunkHead head = heads.get(headKey);
            if (head == null) {
                Document current = histories.find(Filters.eq("_id", chunkId)).first();
                if (current == null) {
                    try {
                        histories.insertOne(new Document("_id", chunkId).append(AGGREGATE_ID, aggregateId)
                                .append(CHUNK_NO, chunk).append("committeeId", committeeId).append("organId", organId)
                                .append("version", 0L).append("events", new ArrayList<>(List.of(entry))));
                        heads.put(headKey, new ChunkHead(0L, Set.of(sequence)));
                        return true;
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                            throw e;
                        }
                        continue; // created concurrently: try again against it
                    }
                }
                head = ChunkHead.of(current);
            }
            if (head.sequences().contains(sequence)) {
                return false;
            }
            UpdateResult added = histories.updateOne(
                    new Document("_id", chunkId).append("version", head.version()), // flat: served by _id_version
                    Updates.combine(Updates.push("events", entry), Updates.set("version", head.version() + 1),
                            Updates.set("committeeId", committeeId), Updates.set("organId", organId)));
            if (added.getMatchedCount() == 1) {
                heads.put(headKey, head.with(sequence));
                return true;
            }
            heads.remove(headKey); // changed by another writer since: read it again
        }
        throw new IllegalStateException("could not append " + event.type() + " #" + sequence + " to " + aggregateId
                + " after " + RACE_RETRIES + " concurrent changes");
    }

    /** One event to add to an aggregate's history, for {@link #appendAll}. */
    public record Append(AggregateKind kind, String aggregateId, String committeeId, String organId,
                         RecordedEvent event) {
        String chunkId() {
            return HistoryStore.chunkId(aggregateId, event.sequence() / CHUNK);
        }
    }

    /**
     * Adds a batch of events (a consumer's poll), each unless held already, in a few requests instead of one or two
     * per event: the chunk heads not cached are read together ({@code _id $in}), but for chunks the batch opens
     * ({@link #opensChunk}), then every touched chunk is written once, all in one bulk write per kind, the kinds at
     * the same time ({@link StoreRequests}; {@code insert} for a new chunk, the same conditional
     * {@code update} as {@link #append} for a known one, with the chunk's new events pushed together). Should any
     * write not apply (a chunk created or changed by another writer meanwhile), the batch's events are added again
     * one by one through {@link #append}, which reads what is there and skips repeats: the outcome is the same as
     * adding each event alone, in order.
     */
    public void appendAll(List<Append> batch) {
        Map<AggregateKind, Map<String, List<Append>>> byChunk = new EnumMap<>(AggregateKind.class);
        for (Append append : batch) {
            byChunk.computeIfAbsent(append.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(append.chunkId(), c -> new ArrayList<>()).add(append);
        }
        List<Runnable> kinds = new ArrayList<>();
        byChunk.forEach((kind, chunks) -> kinds.add(() -> {
            if (!writeChunks(kind, chunks)) {
                chunks.values().forEach(appends -> appends.forEach(a ->
                        append(a.kind(), a.aggregateId(), a.committeeId(), a.organId(), a.event())));
            }
        }));
        if (!kinds.isEmpty()) {
            StoreRequests.together(kinds); // each kind its own collection
        }
    }

    /**
     * Whether these appends to a chunk not known here hold its first sequence: then the chunk is almost always new
     * (an aggregate's first events, or its next chunk), so it is inserted without being read first; when it was
     * stored before (an event delivered again), the insert fails on its key and the batch is appended one by one.
     */
    private static boolean opensChunk(List<Append> appends) {
        return appends.stream().anyMatch(a -> a.event().sequence() % CHUNK == 0);
    }

    /** @return false when a write did not apply (the chunk's heads are forgotten, to be read again) */
    private boolean writeChunks(AggregateKind kind, Map<String, List<Append>> chunks) {
        MongoCollection<Document> histories = collections.get(kind);
        Map<String, ChunkHead> known = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        chunks.forEach((chunkId, appends) -> {
            ChunkHead head = heads.get(kind + " " + chunkId);
            if (head != null) {
                known.put(chunkId, head);
            } else if (!opensChunk(appends)) {
                unknown.add(chunkId);
            } // else taken for new, not read: a chunk stored before fails its insert, and the batch goes one by one
        });
        if (!unknown.isEmpty()) {
            histories.find(Filters.in("_id", unknown)).forEach(chunk -> known.put(chunk.getString("_id"),
                    ChunkHead.of(chunk)));
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        Map<String, ChunkHead> written = new HashMap<>();
        chunks.forEach((chunkId, appends) -> {
            ChunkHead head = known.get(chunkId);
            Set<Long> held = new HashSet<>(head == null ? Set.of() : head.sequences());
            List<Document> entries = new ArrayList<>();
            for (Append append : appends) {
                if (held.add(append.event().sequence())) {
                    entries.add(entry(append.event()));
                }
            }
            if (entries.isEmpty()) {
                return; // every one a repeat
            }
            Append last = appends.get(appends.size() - 1);
            if (head == null) {
                writes.add(new InsertOneModel<>(new Document("_id", chunkId).append(AGGREGATE_ID, last.aggregateId())
                        .append(CHUNK_NO, last.event().sequence() / CHUNK).append("committeeId", last.committeeId())
                        .append("organId", last.organId()).append("version", 0L).append("events", entries)));
                written.put(chunkId, new ChunkHead(0L, held));
            } else {
                writes.add(new UpdateOneModel<>(new Document("_id", chunkId).append("version", head.version()),
                        Updates.combine(Updates.pushEach("events", entries), Updates.set("version", head.version() + 1),
                                Updates.set("committeeId", last.committeeId()),
                                Updates.set("organId", last.organId()))));
                written.put(chunkId, new ChunkHead(head.version() + 1, held));
            }
        });
        if (writes.isEmpty()) {
            return true;
        }
        boolean allApplied;
        try {
            BulkWriteResult result = histories.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            allApplied = result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            allApplied = false; // a chunk created by another writer meanwhile
        }
        if (!allApplied) {
            chunks.keySet().forEach(chunkId -> heads.remove(kind + " " + chunkId));
            return false;
        }
        written.forEach((chunkId, head) -> heads.put(kind + " " + chunkId, head));
        return true;
    }

    /** Whether the aggregate's history holds the sequence (held ones ahead of a gap included). */
    public boolean holds(AggregateKind kind, String aggregateId, long sequence) {
        Document chunk = collections.get(kind).find(Filters.eq("_id", chunkId(aggregateId, sequence / CHUNK))).first();
        return chunk != null && holds(chunk, sequence);
    }

    /**
     * The aggregate's history: its first chunk by {@code _id}, then the next ones by {@code _id $in} for as long as
     * the chunks read are full (a chunk with room ends what readers may see: it misses a sequence).
     */
    public Optional<AggregateHistory> load(AggregateKind kind, String aggregateId) {
        MongoCollection<Document> histories = collections.get(kind);
        Document first = histories.find(Filters.eq("_id", chunkId(aggregateId, 0))).first();
        if (first == null) {
            return Optional.empty();
        }
        List<Document> chunks = new ArrayList<>(List.of(first));
        long next = 1;
        for (int batch = 1; isFull(chunks.get(chunks.size() - 1)); batch = Math.min(batch * 4, 64)) {
            List<String> ids = new ArrayList<>();
            for (long k = next; k < next + batch; k++) {
                ids.add(chunkId(aggregateId, k));
            }
            Map<Long, Document> found = new HashMap<>();
            histories.find(Filters.in("_id", ids)).forEach(chunk -> found.put(chunkNo(chunk), chunk));
            for (long k = next; k < next + batch && found.containsKey(k); k++) {
                chunks.add(found.get(k));
            }
            if (found.size() < batch) {
                break;
            }
            next += batch;
        }
        return Optional.of(history(kind, aggregateId, chunks));
    }

    /** The histories of a committee's aggregates (a scan on a server without secondary indexes; fine at this scale). */
    public List<AggregateHistory> ofCommittee(AggregateKind kind, String committeeId) {
        return find(kind, Filters.eq("committeeId", committeeId));
    }

    public List<AggregateHistory> ofOrgan(AggregateKind kind, String organId) {
        return find(kind, Filters.eq("organId", organId));
    }

    public List<AggregateHistory> all(AggregateKind kind) {
        return find(kind, new Document());
    }

    /**
     * Every aggregate's events of a kind as held, those ahead of a gap included, each aggregate's in sequence order:
     * for filling the read models once from the histories at start ({@link Histories#fillReadModelsOnce}); a scan.
     */
    public List<List<Append>> heldAppends(AggregateKind kind) {
        Map<String, List<Document>> chunksByAggregate = new LinkedHashMap<>();
        for (Document chunk : collections.get(kind).find()) {
            chunksByAggregate.computeIfAbsent(chunk.getString(AGGREGATE_ID), id -> new ArrayList<>()).add(chunk);
        }
        List<List<Append>> all = new ArrayList<>();
        chunksByAggregate.forEach((id, chunks) -> {
            chunks.sort(Comparator.comparingLong(HistoryStore::chunkNo));
            Document last = chunks.get(chunks.size() - 1);
            List<Append> appends = new ArrayList<>();
            for (RecordedEvent event : events(chunks)) {
                appends.add(new Append(kind, id, last.getString("committeeId"), last.getString("organId"), event));
            }
            appends.sort(Comparator.comparingLong(a -> a.event().sequence()));
            all.add(appends);
        });
        return all;
    }

    /**
     * Removes every history, for a rebuild into fresh collections, and makes the index again (dropped with them: a
     * rebuild's writes once scanned the collection they were filling, each slower than the one before).
     */
    public void clear() {
        collections.values().forEach(MongoCollection::drop);
        heads.clear();
        createIndexes();
    }

    /**
     * Splits the histories written as one document per aggregate (before chunks) into chunks, once: a document
     * without {@code chunk} is one of those. Each is rewritten chunk by chunk, its first chunk last, so a split cut
     * short by a stop is done again whole at the next start.
     *
     * @return how many histories were split
     */
    public int splitWholeHistories() {
        int split = 0;
        for (MongoCollection<Document> histories : collections.values()) {
            for (Document whole : histories.find(Filters.exists(CHUNK_NO, false))) {
                String aggregateId = whole.getString("_id");
                Map<Long, List<Document>> byChunk = new TreeMap<>(Comparator.reverseOrder());
                for (Document entry : whole.getList("events", Document.class)) {
                    byChunk.computeIfAbsent(sequenceOf(entry) / CHUNK, k -> new ArrayList<>()).add(entry);
                }
                byChunk.putIfAbsent(0L, new ArrayList<>());
                byChunk.forEach((chunk, events) -> histories.replaceOne(Filters.eq("_id", chunkId(aggregateId, chunk)),
                        new Document("_id", chunkId(aggregateId, chunk)).append(AGGREGATE_ID, aggregateId)
                                .append(CHUNK_NO, chunk).append("committeeId", whole.getString("committeeId"))
                                .append("organId", whole.getString("organId")).append("version", 0L)
                                .append("events", events),
                        new ReplaceOptions().upsert(true)));
                split++;
            }
        }
        return split;
    }

    private List<AggregateHistory> find(AggregateKind kind, Bson filter) {
        Map<String, List<Document>> chunksByAggregate = new LinkedHashMap<>();
        for (Document chunk : collections.get(kind).find(filter)) {
            chunksByAggregate.computeIfAbsent(chunk.getString(AGGREGATE_ID), id -> new ArrayList<>()).add(chunk);
        }
        List<AggregateHistory> found = new ArrayList<>();
        chunksByAggregate.forEach((id, chunks) -> found.add(history(kind, id, chunks)));
        return found;
    }

    static String chunkId(String aggregateId, long chunk) {
        return chunk == 0 ? aggregateId : aggregateId + "/" + chunk;
    }

    private static long chunkNo(Document chunk) {
        return ((Number) chunk.get(CHUNK_NO)).longValue();
    }

    private static boolean isFull(Document chunk) {
        return chunk.getList("events", Document.class).size() >= CHUNK;
    }

    private static boolean holds(Document chunk, long sequence) {
        return chunk.getList("events", Document.class).stream().anyMatch(e -> sequenceOf(e) == sequence);
    }

    private static long sequenceOf(Document entry) {
        return ((Number) entry.get("sequence")).longValue();
    }

    private Document entry(RecordedEvent event) {
        return new Document("type", event.type()).append("eventId", event.eventId())
                .append("sequence", event.sequence()).append("recordedAt", event.recordedAt().toString())
                .append("data", event.data().toString());
    }

    /** One aggregate's history from its chunks (any order; the last chunk's committee and organ are current). */
    private AggregateHistory history(AggregateKind kind, String aggregateId, List<Document> chunks) {
        List<Document> ordered = new ArrayList<>(chunks);
        ordered.sort(Comparator.comparingLong(HistoryStore::chunkNo));
        Document last = ordered.get(ordered.size() - 1);
        return new AggregateHistory(kind, aggregateId, last.getString("committeeId"), last.getString("organId"),
                upToFirstGap(events(ordered)));
    }

    private List<RecordedEvent> events(List<Document> chunks) {
        List<RecordedEvent> events = new ArrayList<>();
        for (Document chunk : chunks) {
            for (Document e : chunk.getList("events", Document.class)) {
                try {
                    events.add(new RecordedEvent(e.getString("type"), e.getString("eventId"), sequenceOf(e),
                            Instant.parse(e.getString("recordedAt")), json.readTree(e.getString("data"))));
                } catch (JsonProcessingException ex) {
                    throw new IllegalStateException("stored event data of " + chunk.get("_id") + " is not JSON", ex);
                }
            }
        }
        return events;
    }

    /** An aggregate's events in sequence order up to the first missing one: later ones wait for it. */
    static List<RecordedEvent> upToFirstGap(List<RecordedEvent> events) {
        List<RecordedEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(RecordedEvent::sequence));
        List<RecordedEvent> contiguous = new ArrayList<>(ordered.size());
        for (RecordedEvent event : ordered) {
            if (event.sequence() != contiguous.size()) {
                break;
            }
            contiguous.add(event);
        }
        return contiguous;
    }

    /** A chunk's version and the sequences it holds. */
    private record ChunkHead(long version, Set<Long> sequences) {
        static ChunkHead of(Document chunk) {
            Set<Long> held = new HashSet<>();
            chunk.getList("events", Document.class).forEach(entry -> held.add(sequenceOf(entry)));
            return new ChunkHead(((Number) chunk.get("version")).longValue(), held);
        }

        ChunkHead with(long sequence) {
            Set<Long> held = new HashSet<>(sequences);
            held.add(sequence);
            return new ChunkHead(version + 1, held);
        }
    }
}
