package org.jiguan.oversight.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live generation of the histories, and during a rebuild the one being built. Which generation is live is
 * kept in MongoDB ({@code oversight_meta}, {@code _id: "histories"}) so a restart reads the same one. While a
 * rebuild runs, the live consumers write every event to both generations: appends are idempotent by sequence, so
 * the rebuild reading the same events again from the topics changes nothing, and the new generation misses
 * nothing that arrived meanwhile. Each generation keeps its read models beside its histories ({@link Generation}).
 */
public class Histories {
    private static final String META = "oversight_meta";
    private static final String POINTER = "histories";
    /** Present once the histories are kept in chunks (see {@link HistoryStore}). */
    private static final String CHUNKED = "history-chunks";
    /** Present once the committee directory was filled from the histories (see {@link #fillOnce}). */
    private static final String DIRECTORY = "committee-directory";
    /** Present once the read models were filled from the histories (see {@link #fillReadModelsOnce}). */
    private static final String READ_MODELS = "read-models";
    /** Events per batch while filling the read models from the histories. */
    private static final int FILL_BATCH = 1000;
    /** Rows of the read models kept parsed per generation ({@code ReadModelStore}). */
    static final int CACHED_ROWS = 200_000;
    private static final Logger log = LoggerFactory.getLogger(Histories.class);

    private final MongoDatabase database;
    private final ObjectMapper json;
    private final MongoCollection<Document> meta;
    private volatile Generation live;
    private volatile String liveSuffix;
    private volatile Generation building;

    /**
     * One generation: the histories and the read models kept from them, written together by the consumers and by
     * a rebuild.
     */
    public record Generation(HistoryStore histories, ReadModelStore readModels) {
        /**
         * Stores a batch in the histories and meanwhile prepares it for the read models (the rows not known here read,
         * new members added), then writes the rows: three store requests one after another for a poll of new organs.
         */
        public void appendAll(List<HistoryStore.Append> batch) {
            AtomicReference<ReadModelStore.Prepared> prepared = new AtomicReference<>();
            StoreRequests.together(List.of(() -> histories.appendAll(batch),
                    () -> prepared.set(readModels.prepare(batch))));
            readModels.write(prepared.get(), histories);
        }

        void clear() {
            histories.clear();
            readModels.clear();
        }
    }

    public Histories(MongoDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
        this.meta = database.getCollection(META);
        Document pointer = meta.find(Filters.eq("_id", POINTER)).first();
        this.liveSuffix = pointer == null ? "" : pointer.getString("suffix");
        this.live = generation(liveSuffix);
        if (meta.find(Filters.eq("_id", CHUNKED)).first() == null) {
            int split = live.histories().splitWholeHistories();
            meta.replaceOne(Filters.eq("_id", CHUNKED), new Document("_id", CHUNKED),
                    new ReplaceOptions().upsert(true));
            log.info("Histories kept in chunks of {} events from now on ({} split)", HistoryStore.CHUNK, split);
        }
    }

    /**
     * Fills the committee directory once from the committee histories held before it existed; the consumers keep
     * it from then on. A start cut short does it again whole (its writes are idempotent).
     */
    public void fillOnce(CommitteeDirectory directory) {
        if (meta.find(Filters.eq("_id", DIRECTORY)).first() != null) {
            return;
        }
        int committees = 0;
        for (AggregateHistory history : live.histories().all(AggregateKind.COMMITTEE)) {
            history.events().forEach(event -> directory.apply(AggregateKind.COMMITTEE, history.id(), event));
            committees++;
        }
        meta.replaceOne(Filters.eq("_id", DIRECTORY), new Document("_id", DIRECTORY), new ReplaceOptions().upsert(true));
        log.info("Committee directory filled from {} committee histories", committees);
    }

    /**
     * Fills the read models once from the histories held before they existed (a store written by an earlier version:
     * histories present, no rows); the consumers keep them from then on. Every aggregate's events, held ones ahead
     * of a gap included, go through the same {@link ReadModelStore#applyAll} as the consumers' batches, so the rows
     * are those the consumers would have made; a start cut short does it again (repeats change nothing).
     */
    public void fillReadModelsOnce() {
        if (meta.find(Filters.eq("_id", READ_MODELS)).first() != null) {
            return;
        }
        long started = System.nanoTime();
        long lastLog = started;
        long events = 0;
        long aggregates = 0;
        for (AggregateKind kind : AggregateKind.values()) {
            List<HistoryStore.Append> batch = new ArrayList<>();
            List<List<HistoryStore.Append>> all = live.histories().heldAppends(kind);
            for (List<HistoryStore.Append> history : all) {
                batch.addAll(history);
                aggregates++;
                if (batch.size() >= FILL_BATCH) {
                    live.readModels().applyAll(batch, live.histories());
                    events += batch.size();
                    batch.clear();
                    if (System.nanoTime() - lastLog > 2_000_000_000L) {
                        lastLog = System.nanoTime();
                        log.info("Filling the read models from the histories: {} {} histories of {}, {} events so far",
                                kind.name().toLowerCase(), aggregates, all.size(), events);
                    }
                }
            }
            live.readModels().applyAll(batch, live.histories());
            events += batch.size();
        }
        meta.replaceOne(Filters.eq("_id", READ_MODELS), new Document("_id", READ_MODELS),
                new ReplaceOptions().upsert(true));
        log.info("Read models filled from {} histories ({} events) in {} ms", aggregates, events,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The histories queries read. */
    public HistoryStore live() {
        return live.histories();
    }

    /** The read models queries read, of the live generation. */
    public ReadModelStore liveReadModels() {
        return live.readModels();
    }

    public String liveSuffix() {
        return liveSuffix;
    }

    /** Where consumers write: the live generation and, during a rebuild, the new one. */
    public List<Generation> writeTargets() {
        List<Generation> targets = new ArrayList<>(2);
        targets.add(live);
        Generation next = building;
        if (next != null) {
            targets.add(next);
        }
        return targets;
    }

    /** Starts a new, empty generation that consumers write to from now on, besides the live one. */
    public synchronized Generation startGeneration(String suffix) {
        Generation next = generation(suffix);
        next.clear();
        building = next;
        return next;
    }

    private Generation generation(String suffix) {
        return new Generation(new HistoryStore(database, json, suffix),
                new ReadModelStore(database, json, suffix, CACHED_ROWS));
    }

    /** Makes the built generation live and drops the old one. */
    public synchronized void swap(String suffix) {
        Generation old = live;
        meta.replaceOne(Filters.eq("_id", POINTER), new Document("_id", POINTER).append("suffix", suffix),
                new ReplaceOptions().upsert(true));
        live = building;
        liveSuffix = suffix;
        building = null;
        old.clear();
    }

    /** Gives up a generation being built. */
    public synchronized void abandon() {
        Generation next = building;
        building = null;
        if (next != null) {
            next.clear();
        }
    }
}
