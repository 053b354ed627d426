package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.CommitteeRows;
import org.jiguan.oversight.domain.views.DatedEvent;
import org.jiguan.oversight.domain.views.DatedHistory;
import org.jiguan.oversight.domain.views.ReadRow;
import org.jiguan.oversight.domain.views.ReadSource;
import org.jiguan.oversight.domain.views.RecordedEvent;

/**
 * The read models in MongoDB (ARCHITECTURE.md, "oversight-service's read models"), one generation of them beside
 * its {@link HistoryStore}, kept by the consumers in the same batch as the history append:
 * <ul>
 *   <li>{@code <kind>_rows}: one document per aggregate, its {@link ReadRow}:
 *       <pre>{_id: aggregateId, committeeId, organId, version, next, maxSeen, first, latest, elidedAt,
 *  facts: "[[type, eventId, sequence, recordedAt, businessEpochDay, data], …]"}</pre>
 *       written conditionally on {@code version} (flat {@code {_id, version}}, served by a unique index). A row's
 *       facts only ever grow at the end, and a committee's row has one per quota slot, so its facts are kept in
 *       chunks: every full chunk of {@value #FACTS_PER_CHUNK} facts is sealed once into
 *       {@code <kind>_row_facts} ({@code {_id: "<aggregateId>/<k>", facts}}, before the head that counts it in
 *       {@code sealed}), and the head holds the rest; so a batch writes the head and the chunks it filled, not the
 *       whole row again (a committee of 10,000 organs had a row of 10,000 facts written at every batch). A head
 *       written by an earlier version has no {@code sealed}: all its facts are in it, sealed at its next write;</li>
 *   <li>{@code read_members}: which rows a committee has, in {@value #SHARDS} shards per kind by the id's hash,
 *       {@code {_id: "<KIND>/<committeeId>/<k>", ids: [...]}}; {@code {_id: "<committeeId>", "<KIND>_<k>": n}}
 *       counts the batches that touched each shard; {@code {_id: "/", committees: [...]}} lists the committees
 *       having rows.</li>
 * </ul>
 * A committee's rows are read with {@code _id} lookups only: its counters (one document), then for each shard whose
 * counter moved since this instance last read it, the shard's ids and those rows ({@code _id $in}). Rows read are
 * kept here, parsed, as one snapshot per committee and kind ({@link CommitteeRows}) with each shard's counter, so an
 * unchanged committee costs one lookup and gives the same snapshot, with what was computed from it. A writer adds new members
 * first (a member whose row is not written yet is passed over), then writes the rows, then counts every shard a
 * batch touched (changed or a repeat), so a reader never keeps a shard older than the rows after a write it could
 * have missed, even one cut short by a crash and delivered again. Ids hold no {@code /} (CONTRACT.md), so no member or counter id is a committee's id
 * but the counters'.
 */
public class ReadModelStore implements ReadSource {
    static final int SHARDS = 256;
    /** Facts per sealed chunk of a row. */
    static final int FACTS_PER_CHUNK = 64;
    private static final int RACE_RETRIES = 10;
    private static final String COMMITTEES = "/";
    private static final String MEMBERS = "read_members";
    private static final int WRITTEN_KEPT = 20_000;
    private static final int IN_LIMIT = 100;

    private final Map<AggregateKind, MongoCollection<Document>> rows = new EnumMap<>(AggregateKind.class);
    private final Map<AggregateKind, MongoCollection<Document>> sealedFacts = new EnumMap<>(AggregateKind.class);
    private final MongoCollection<Document> members;
    private final MongoDatabase database;
    private final ObjectMapper json;
    private final SnapshotCache cache;
    /** One lock per committee and kind, held while a changed snapshot is read (see {@link #snapshot}). */
    private final Map<String, Object> reading = new ConcurrentHashMap<>();
    /**
     * The rows this store wrote last, with their version, so that the next batch need not read them back; a version
     * changed meanwhile (another writer) fails that row's conditional write, and it is read again.
     */
    private final Map<String, Stored> written = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                    return size() > WRITTEN_KEPT;
                }
            });

    /** @param suffix appended to the collection names, as the histories of the same generation */
    public ReadModelStore(MongoDatabase database, ObjectMapper json, String suffix, int maxCachedRows) {
        this.json = json;
        this.database = database;
        for (AggregateKind kind : AggregateKind.values()) {
            rows.put(kind, database.getCollection(collectionName(kind, suffix)));
            sealedFacts.put(kind, database.getCollection(kind.name().toLowerCase() + "_row_facts" + suffix));
        }
        this.members = database.getCollection(MEMBERS + suffix);
        createIndexes();
        this.cache = new SnapshotCache(maxCachedRows);
    }

    public static String collectionName(AggregateKind kind, String suffix) {
        return kind.name().toLowerCase() + "_rows" + suffix;
    }

    /**
     * The unique index the rows' conditional writes are served by (without it the local server scans for each), and
     * the members' collection with it (so that clearing a generation never written finds it).
     */
    private void createIndexes() {
        IndexOptions unique = new IndexOptions().unique(true).name("_id_version");
        rows.values().forEach(collection -> collection.createIndex(Indexes.ascending("_id", "version"), unique));
        members.createIndex(Indexes.ascending("_id", "version"), unique);
    }

    // ---- writing

    /**
     * Applies a batch the histories of this generation have just stored ({@code history}; it answers a row made again
     * after a gap). Idempotent: a repeat changes no row.
     */
    public void applyAll(List<HistoryStore.Append> batch, HistoryStore history) {
        write(prepare(batch), history);
    }

    /** A batch by kind and aggregate, with the rows it changes as they were before it; its new members are added. */
    public static final class Prepared {
        private final Map<AggregateKind, Map<String, List<HistoryStore.Append>>> byAggregate;
        private final Map<AggregateKind, Map<String, Stored>> stored;

        private Prepared(Map<AggregateKind, Map<String, List<HistoryStore.Append>>> byAggregate,
                         Map<AggregateKind, Map<String, Stored>> stored) {
            this.byAggregate = byAggregate;
            this.stored = stored;
        }
    }

    /**
     * The first half of {@link #applyAll}, which needs no history, so it may run while the batch's histories are
     * stored: reads the rows this store did not write, and adds the rows joining a committee to its members.
     */
    public Prepared prepare(List<HistoryStore.Append> batch) {
        Map<AggregateKind, Map<String, List<HistoryStore.Append>>> byAggregate = new EnumMap<>(AggregateKind.class);
        for (HistoryStore.Append append : batch) {
            byAggregate.computeIfAbsent(append.kind(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(append.aggregateId(), id -> new ArrayList<>()).add(append);
        }
        Map<AggregateKind, Map<String, Stored>> stored = new EnumMap<>(AggregateKind.class);
        Map<AggregateKind, Map<String, String>> joining = new EnumMap<>(AggregateKind.class);
        byAggregate.forEach((kind, aggregates) -> {
            Map<String, Stored> before = known(kind, aggregates);
            stored.put(kind, before);
            aggregates.forEach((id, appends) -> {
                String committeeId = appends.get(appends.size() - 1).committeeId();
                Stored row = before.get(id);
                if (row == null || !committeeId.equals(row.row().committeeId())) {
                    joining.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, committeeId);
                }
            });
        });
        writeMembers(joining); // before the rows: a member without its row yet is passed over by readers
        return new Prepared(byAggregate, stored);
    }

    /**
     * The second half of {@link #applyAll}, once the batch's histories are stored ({@code history} answers a row made
     * again after a gap): writes the rows, each kind at the same time ({@link StoreRequests}), then counts the batch.
     */
    public void write(Prepared prepared, HistoryStore history) {
        List<Runnable> kinds = new ArrayList<>();
        prepared.byAggregate.forEach((kind, aggregates) -> kinds.add(() ->
                writeRows(kind, aggregates, prepared.stored.get(kind), history)));
        if (kinds.isEmpty()) {
            return;
        }
        StoreRequests.together(kinds); // each kind its own collection
        count(prepared.byAggregate);
    }

    private void writeRows(AggregateKind kind, Map<String, List<HistoryStore.Append>> aggregates,
                           Map<String, Stored> stored, HistoryStore history) {
        Map<String, List<HistoryStore.Append>> pending = aggregates;
        for (int attempt = 0; attempt < RACE_RETRIES && !pending.isEmpty(); attempt++) {
            pending = writeRows(kind, pending, attempt == 0 ? stored : read(kind, pending.keySet()), history,
                    attempt > 0);
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("could not write the read models of " + pending.keySet() + " after "
                    + RACE_RETRIES + " concurrent changes");
        }
    }

    /**
     * Writes the aggregates' rows, all in one bulk write when nobody else wrote them meanwhile; one at a time when
     * {@code oneByOne}.
     *
     * @param stored the rows as read before
     * @return the aggregates whose write did not apply (another writer, or the bulk write as a whole): to do again,
     * from the rows as they are then (repeats change nothing)
     */
    private Map<String, List<HistoryStore.Append>> writeRows(AggregateKind kind,
                                                            Map<String, List<HistoryStore.Append>> aggregates,
                                                            Map<String, Stored> stored, HistoryStore history,
                                                            boolean oneByOne) {
        Map<String, WriteModel<Document>> writes = new LinkedHashMap<>();
        List<WriteModel<Document>> seals = new ArrayList<>();
        Map<String, Stored> after = new HashMap<>();
        aggregates.forEach((id, appends) -> {
            Stored before = stored.get(id);
            HistoryStore.Append last = appends.get(appends.size() - 1);
            ReadRow row = before == null ? ReadRow.empty(kind, id, last.committeeId(), last.organId())
                    : before.row().copy();
            boolean applied = false;
            List<HistoryStore.Append> inOrder = new ArrayList<>(appends);
            inOrder.sort(Comparator.comparingLong(a -> a.event().sequence()));
            long maxSeenBefore = row.maxSeen();
            for (HistoryStore.Append append : inOrder) {
                applied |= row.offer(append.event()) == ReadRow.Offered.APPLIED;
            }
            if (applied && row.held()) {
                long maxSeen = row.maxSeen();
                row = ReadRow.rebuilt(history.load(kind, id).orElseThrow(() ->
                        new IllegalStateException("no history of " + kind + " " + id + " for its read model")), maxSeen);
            }
            boolean moved = before != null && !last.committeeId().equals(before.row().committeeId());
            row.placedIn(last.committeeId(), last.organId());
            if (before != null && !applied && !moved && row.maxSeen() == maxSeenBefore) {
                return; // every one a repeat
            }
            int sealed = row.factCount() / FACTS_PER_CHUNK;
            for (int k = before == null ? 0 : before.sealed(); k < sealed; k++) {
                seals.add(seal(row, k));
            }
            writes.put(id, before == null ? new InsertOneModel<>(document(row, 0, sealed))
                    : new ReplaceOneModel<>(new Document("_id", id).append("version", before.version()),
                    document(row, before.version() + 1, sealed)));
            after.put(id, new Stored(before == null ? 0 : before.version() + 1, sealed, row));
        });
        Map<String, List<HistoryStore.Append>> failed = new LinkedHashMap<>();
        if (writes.isEmpty()) {
            return failed;
        }
        if (!seals.isEmpty()) { // before the heads that count them; the same facts whoever seals them
            sealedFacts.get(kind).bulkWrite(seals, new BulkWriteOptions().ordered(false));
        }
        if (oneByOne) {
            writes.forEach((id, write) -> {
                if (writeOne(kind, write)) {
                    written.put(key(kind, id), after.get(id));
                } else {
                    written.remove(key(kind, id));
                    failed.put(id, aggregates.get(id));
                }
            });
            return failed;
        }
        if (!writeAll(kind, new ArrayList<>(writes.values()))) {
            aggregates.keySet().forEach(id -> written.remove(key(kind, id)));
            return aggregates;
        }
        after.forEach((id, row) -> written.put(key(kind, id), row));
        return failed;
    }

    /**
     * The rows as this store wrote them last, the others read; an aggregate whose first event (sequence 0) is in
     * the batch is taken for new, not read: should its row be stored already (an event delivered again), its insert
     * fails on its key and the row is read then ({@link #writeRows}).
     */
    private Map<String, Stored> known(AggregateKind kind, Map<String, List<HistoryStore.Append>> aggregates) {
        Map<String, Stored> found = new HashMap<>();
        Set<String> unknown = new LinkedHashSet<>();
        aggregates.forEach((id, appends) -> {
            Stored row = written.get(key(kind, id));
            if (row != null) {
                found.put(id, row);
            } else if (appends.stream().noneMatch(a -> a.event().sequence() == 0)) {
                unknown.add(id);
            }
        });
        found.putAll(read(kind, unknown));
        return found;
    }

    private static String key(AggregateKind kind, String id) {
        return kind.name() + " " + id;
    }

    private boolean writeAll(AggregateKind kind, List<WriteModel<Document>> writes) {
        try {
            BulkWriteResult result = rows.get(kind).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getInsertedCount() + result.getMatchedCount() == writes.size();
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(error ->
                    ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
            return false;
        }
    }

    private boolean writeOne(AggregateKind kind, WriteModel<Document> write) {
        MongoCollection<Document> collection = rows.get(kind);
        if (write instanceof InsertOneModel<Document> insert) {
            try {
                collection.insertOne(insert.getDocument());
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        ReplaceOneModel<Document> replace = (ReplaceOneModel<Document>) write;
        return collection.replaceOne(replace.getFilter(), replace.getReplacement()).getMatchedCount() == 1;
    }

    /**
     * Adds the rows joining a committee to its shards' members, and new committees to the list of them: one bulk
     * write for every kind.
     */
    private void writeMembers(Map<AggregateKind, Map<String, String>> joining) {
        if (joining.isEmpty()) {
            return;
        }
        Map<String, List<String>> joiningByShard = new LinkedHashMap<>();
        Set<String> committees = new LinkedHashSet<>();
        joining.forEach((kind, ids) -> ids.forEach((id, committeeId) -> {
            joiningByShard.computeIfAbsent(shardId(kind, committeeId, shard(id)), s -> new ArrayList<>()).add(id);
            committees.add(committeeId);
        }));
        List<WriteModel<Document>> writes = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        joiningByShard.forEach((shardId, ids) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", shardId),
                Updates.addEachToSet("ids", ids), upsert)));
        writes.add(new UpdateOneModel<>(Filters.eq("_id", COMMITTEES),
                Updates.addEachToSet("committees", new ArrayList<>(committees)), upsert));
        members.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    /**
     * Counts a batch in the counters of every shard it touched, changed or not (see the class comment), after the
     * rows are written: one update per committee for every kind, in one bulk write.
     */
    private void count(Map<AggregateKind, Map<String, List<HistoryStore.Append>>> byAggregate) {
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        byAggregate.forEach((kind, aggregates) -> aggregates.forEach((id, appends) -> touched.computeIfAbsent(
                appends.get(appends.size() - 1).committeeId(), c -> new LinkedHashSet<>()).add(counter(kind, shard(id)))));
        if (touched.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> counts = new ArrayList<>();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        touched.forEach((committeeId, shards) -> counts.add(new UpdateOneModel<>(Filters.eq("_id", committeeId),
                Updates.combine(shards.stream().map(s -> Updates.inc(s, 1)).toList()), upsert)));
        members.bulkWrite(counts, new BulkWriteOptions().ordered(false));
    }

    // ---- reading

    /** The rows of a committee's aggregates of a kind, by key (see the class comment). */
    @Override
    public CommitteeRows ofCommittee(AggregateKind kind, String committeeId) {
        return ofCommittee(committeeId, List.of(kind)).get(kind);
    }

    /** The rows of a committee's aggregates of several kinds, with one look at its counters. */
    @Override
    public Map<AggregateKind, CommitteeRows> ofCommittee(String committeeId, List<AggregateKind> kinds) {
        Document counters = members.find(Filters.eq("_id", committeeId)).first();
        Map<AggregateKind, CommitteeRows> found = new EnumMap<>(AggregateKind.class);
        for (AggregateKind kind : kinds) {
            found.put(kind, counters == null ? new CommitteeRows(List.of()) : snapshot(kind, committeeId, counters));
        }
        return found;
    }

    /**
     * The committee's rows of a kind as of {@code counters}: the snapshot kept when no counter of the kind moved
     * (the same instance, with what was computed from it), else a new one, its moved shards read again and the
     * others taken from the one kept. Readers finding the same committee changed read it once, one after another.
     */
    private CommitteeRows snapshot(AggregateKind kind, String committeeId, Document counters) {
        long[] counted = new long[SHARDS];
        for (int k = 0; k < SHARDS; k++) {
            Object count = counters.get(counter(kind, k));
            counted[k] = count == null ? -1 : ((Number) count).longValue();
        }
        String key = kind.name() + "/" + committeeId;
        Snapshot kept = cache.get(key);
        if (kept != null && Arrays.equals(kept.counted(), counted)) {
            return kept.rows();
        }
        synchronized (reading.computeIfAbsent(key, k -> new Object())) {
            kept = cache.get(key);
            if (kept != null && Arrays.equals(kept.counted(), counted)) {
                return kept.rows();
            }
            List<List<DatedHistory>> shards = new ArrayList<>(SHARDS);
            List<Integer> stale = new ArrayList<>();
            for (int k = 0; k < SHARDS; k++) {
                boolean same = kept != null && kept.counted()[k] == counted[k];
                shards.add(same ? kept.shards().get(k) : List.of());
                if (!same && counted[k] >= 0) {
                    stale.add(k);
                }
            }
            readShards(kind, committeeId, stale).forEach(shards::set);
            List<DatedHistory> all = new ArrayList<>();
            shards.forEach(all::addAll);
            Snapshot read = new Snapshot(counted, List.copyOf(shards), new CommitteeRows(all));
            cache.put(key, read);
            return read.rows();
        }
    }

    /** The rows of some of a committee's shards of a kind: the shards' members, then their rows, by key. */
    private Map<Integer, List<DatedHistory>> readShards(AggregateKind kind, String committeeId, List<Integer> stale) {
        Map<Integer, List<DatedHistory>> read = new HashMap<>();
        stale.forEach(k -> read.put(k, new ArrayList<>()));
        if (stale.isEmpty()) {
            return read;
        }
        Map<String, Integer> shardOf = new HashMap<>();
        List<String> shardIds = stale.stream().map(k -> shardId(kind, committeeId, k)).toList();
        for (int from = 0; from < shardIds.size(); from += IN_LIMIT) {
            for (Document shard : members.find(Filters.in("_id",
                    shardIds.subList(from, Math.min(shardIds.size(), from + IN_LIMIT))))) {
                String shardId = shard.getString("_id");
                int k = Integer.parseInt(shardId.substring(shardId.lastIndexOf('/') + 1));
                shard.getList("ids", String.class, List.of()).forEach(id -> shardOf.put(id, k));
            }
        }
        read(kind, shardOf.keySet()).forEach((id, stored) -> {
            if (committeeId.equals(stored.row().committeeId())) {
                read.get(shardOf.get(id)).add(stored.row().dated());
            }
        });
        read.replaceAll((k, rows) -> List.copyOf(rows));
        return read;
    }

    /** One aggregate's row, by key. */
    @Override
    public Optional<DatedHistory> one(AggregateKind kind, String id) {
        return Optional.ofNullable(read(kind, Set.of(id)).get(id)).map(s -> s.row().dated());
    }

    /** The committees that have rows of any kind. */
    @Override
    public List<String> committees() {
        Document all = members.find(Filters.eq("_id", COMMITTEES)).first();
        return all == null ? List.of() : all.getList("committees", String.class, List.of());
    }

    /** Removes every row; for a rebuild into fresh collections. */
    public void clear() {
        rows.values().forEach(MongoCollection::drop);
        Set<String> existing = database.listCollectionNames().into(new LinkedHashSet<>());
        sealedFacts.values().stream().filter(c -> existing.contains(c.getNamespace().getCollectionName()))
                .forEach(MongoCollection::drop); // made by the first chunk sealed
        members.drop();
        cache.clear();
        written.clear();
        createIndexes();
    }

    // ---- documents

    /** A row as stored: its version, how many of its chunks are sealed apart from its head, and the row whole. */
    private record Stored(long version, int sealed, ReadRow row) {
    }

    /**
     * The rows by {@code _id}, {@value #IN_LIMIT} ids per query: the local server matches each document found through
     * the index against the whole {@code $in} list again, so one query of 10,000 ids cost it 10⁸ comparisons (seconds).
     */
    private Map<String, Stored> read(AggregateKind kind, Set<String> ids) {
        List<Document> heads = byId(rows.get(kind), ids);
        Map<String, List<DatedEvent>> sealedKnown = new HashMap<>();
        List<String> chunkIds = new ArrayList<>();
        for (Document head : heads) {
            String id = head.getString("_id");
            int sealed = sealed(head);
            Stored known = written.get(key(kind, id));
            if (known != null && known.row().factCount() >= sealed * FACTS_PER_CHUNK) {
                // sealed facts never change: those of any version this store wrote serve
                sealedKnown.put(id, known.row().facts(0, sealed * FACTS_PER_CHUNK));
                continue;
            }
            for (int k = 0; k < sealed; k++) {
                chunkIds.add(chunkId(id, k));
            }
        }
        Map<String, String> chunks = new HashMap<>();
        byId(sealedFacts.get(kind), chunkIds).forEach(chunk -> chunks.put(chunk.getString("_id"),
                chunk.getString("facts")));
        Map<String, Stored> found = new HashMap<>();
        for (Document head : heads) {
            String id = head.getString("_id");
            List<String> facts = new ArrayList<>();
            for (int k = 0; k < sealed(head) && !sealedKnown.containsKey(id); k++) {
                String chunk = chunks.get(chunkId(id, k));
                if (chunk == null) {
                    throw new IllegalStateException("read model " + id + " lacks its sealed facts " + chunkId(id, k));
                }
                facts.add(chunk);
            }
            facts.add(head.getString("facts"));
            found.put(id, new Stored(((Number) head.get("version")).longValue(), sealed(head),
                    row(kind, head, sealedKnown.getOrDefault(id, List.of()), facts)));
        }
        return found;
    }

    /** The documents of the ids, {@value #IN_LIMIT} ids per query (see {@link #read}). */
    private static List<Document> byId(MongoCollection<Document> collection, Collection<String> ids) {
        List<Document> found = new ArrayList<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_LIMIT) {
            List<String> some = all.subList(from, Math.min(all.size(), from + IN_LIMIT));
            Bson filter = some.size() == 1 ? Filters.eq("_id", some.get(0)) : Filters.in("_id", some);
            collection.find(filter).into(found);
        }
        return found;
    }

    private static int sealed(Document head) {
        Object sealed = head.get("sealed");
        return sealed == null ? 0 : ((Number) sealed).intValue();
    }

    private static String chunkId(String aggregateId, int k) {
        return aggregateId + "/" + k;
    }

    /** The k-th full chunk of a row's facts, to seal. */
    private WriteModel<Document> seal(ReadRow row, int k) {
        List<DatedEvent> facts = row.facts(k * FACTS_PER_CHUNK, (k + 1) * FACTS_PER_CHUNK);
        String id = chunkId(row.id(), k);
        return new ReplaceOneModel<>(Filters.eq("_id", id), new Document("_id", id).append("facts", json(facts)),
                new ReplaceOptions().upsert(true));
    }

    /** The row's head: all but its first {@code sealed} chunks of facts. */
    private Document document(ReadRow row, long version, int sealed) {
        return new Document("_id", row.id()).append("committeeId", row.committeeId()).append("organId", row.organId())
                .append("version", version).append("next", row.next()).append("maxSeen", row.maxSeen())
                .append("first", row.first() == null ? null : row.first().toEpochDay())
                .append("latest", row.latest() == null ? null : row.latest().toEpochDay())
                .append("elidedAt", row.elidedAt() == null ? null : row.elidedAt().toString())
                .append("sealed", sealed).append("facts", json(row.facts(sealed * FACTS_PER_CHUNK, row.factCount())));
    }

    private String json(List<DatedEvent> facts) {
        ArrayNode array = json.createArrayNode();
        for (DatedEvent fact : facts) {
            RecordedEvent event = fact.event();
            array.addArray().add(event.type()).add(event.eventId()).add(event.sequence())
                    .add(event.recordedAt().toString()).add(fact.businessDate().toEpochDay()).add(event.data());
        }
        return array.toString();
    }

    /**
     * The row of a head: {@code known} facts first (its sealed ones, when already held), then those of
     * {@code factChunks}, JSON arrays (the sealed chunks read, in order, then the head's).
     */
    private ReadRow row(AggregateKind kind, Document doc, List<DatedEvent> known, List<String> factChunks) {
        List<DatedEvent> facts = new ArrayList<>(known);
        try {
            for (String chunk : factChunks) {
                for (JsonNode fact : json.readTree(chunk)) {
                    facts.add(new DatedEvent(new RecordedEvent(fact.get(0).asText(), fact.get(1).asText(),
                            fact.get(2).asLong(), Instant.parse(fact.get(3).asText()), fact.get(5)),
                            LocalDate.ofEpochDay(fact.get(4).asLong())));
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored read model " + doc.get("_id") + " is not JSON", e);
        }
        return new ReadRow(kind, doc.getString("_id"), doc.getString("committeeId"), doc.getString("organId"),
                ((Number) doc.get("next")).longValue(), ((Number) doc.get("maxSeen")).longValue(), day(doc, "first"),
                day(doc, "latest"), doc.getString("elidedAt") == null ? null : Instant.parse(doc.getString("elidedAt")),
                facts);
    }

    private static LocalDate day(Document doc, String field) {
        Object epochDay = doc.get(field);
        return epochDay == null ? null : LocalDate.ofEpochDay(((Number) epochDay).longValue());
    }

    static int shard(String id) {
        return Math.floorMod(id.hashCode(), SHARDS);
    }

    private static String shardId(AggregateKind kind, String committeeId, int shard) {
        return kind.name() + "/" + committeeId + "/" + shard;
    }

    private static String counter(AggregateKind kind, int shard) {
        return COUNTERS.get(kind)[shard];
    }

    /** The counters' field names, made once: a read looks up every shard's counter of each kind it reads. */
    private static final Map<AggregateKind, String[]> COUNTERS = new EnumMap<>(AggregateKind.class);

    static {
        for (AggregateKind kind : AggregateKind.values()) {
            String[] names = new String[SHARDS];
            for (int k = 0; k < SHARDS; k++) {
                names[k] = kind.name() + "_" + k;
            }
            COUNTERS.put(kind, names);
        }
    }

    // ---- the rows read, per committee and kind

    /** A committee's rows of a kind: each shard's counter as read (-1: none) and rows, and all of them together. */
    private record Snapshot(long[] counted, List<List<DatedHistory>> shards, CommitteeRows rows) {
    }

    /** Snapshots, least recently used dropped first once more than {@code maxRows} rows are kept. */
    private static final class SnapshotCache {
        private final int maxRows;
        private final LinkedHashMap<String, Snapshot> snapshots = new LinkedHashMap<>(64, 0.75f, true);
        private int kept;

        SnapshotCache(int maxRows) {
            this.maxRows = maxRows;
        }

        synchronized Snapshot get(String key) {
            return snapshots.get(key);
        }

        synchronized void put(String key, Snapshot snapshot) {
            Snapshot old = snapshots.put(key, snapshot);
            kept += snapshot.rows().size() - (old == null ? 0 : old.rows().size());
            var eldest = snapshots.entrySet().iterator();
            while (kept > maxRows && eldest.hasNext()) {
                Map.Entry<String, Snapshot> entry = eldest.next();
                if (entry.getKey().equals(key)) {
                    continue;
                }
                kept -= entry.getValue().rows().size();
                eldest.remove();
            }
        }

        synchronized void clear() {
            snapshots.clear();
            kept = 0;
        }
    }

    /** For tests: how many rows are kept parsed. */
    int cachedRows() {
        synchronized (cache) {
            return cache.kept;
        }
    }
}
