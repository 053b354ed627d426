package org.jiguan.oversight.messaging;

import java.util.ArrayList;
import java.util.List;

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
 * nothing that arrived meanwhile.
 */
public class Histories {
    private static final String META = "oversight_meta";
    private static final String POINTER = "histories";
    /** Present once the histories are kept in chunks (see {@link HistoryStore}). */
    private static final String CHUNKED = "history-chunks";
    /** Present once the committee directory was filled from the histories (see {@link #fillOnce}). */
    private static final String DIRECTORY = "committee-directory";
    private static final Logger log = LoggerFactory.getLogger(Histories.class);

    private final MongoDatabase database;
    private final ObjectMapper json;
    private final MongoCollection<Document> meta;
    private volatile HistoryStore live;
    private volatile String liveSuffix;
    private volatile HistoryStore building;

    public Histories(MongoDatabase database, ObjectMapper json) {
        this.database = database;
        this.json = json;
        this.meta = database.getCollection(META);
        Document pointer = meta.find(Filters.eq("_id", POINTER)).first();
        this.liveSuffix = pointer == null ? "" : pointer.getString("suffix");
        this.live = new HistoryStore(database, json, liveSuffix);
        if (meta.find(Filters.eq("_id", CHUNKED)).first() == null) {
            int split = live.splitWholeHistories();
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
        for (AggregateHistory history : live.all(AggregateKind.COMMITTEE)) {
            history.events().forEach(event -> directory.apply(AggregateKind.COMMITTEE, history.id(), event));
            committees++;
        }
        meta.replaceOne(Filters.eq("_id", DIRECTORY), new Document("_id", DIRECTORY), new ReplaceOptions().upsert(true));
        log.info("Committee directory filled from {} committee histories", committees);
    }

    /** The histories queries read. */
    public HistoryStore live() {
        return live;
    }

    public String liveSuffix() {
        return liveSuffix;
    }

    /** Where consumers write: the live generation and, during a rebuild, the new one. */
    public List<HistoryStore> writeTargets() {
        List<HistoryStore> targets = new ArrayList<>(2);
        targets.add(live);
        HistoryStore next = building;
        if (next != null) {
            targets.add(next);
        }
        return targets;
    }

    /** Starts a new, empty generation that consumers write to from now on, besides the live one. */
    public synchronized HistoryStore startGeneration(String suffix) {
        HistoryStore next = new HistoryStore(database, json, suffix);
        next.clear();
        building = next;
        return next;
    }

    /** Makes the built generation live and drops the old one. */
    public synchronized void swap(String suffix) {
        HistoryStore old = live;
        meta.replaceOne(Filters.eq("_id", POINTER), new Document("_id", POINTER).append("suffix", suffix),
                new ReplaceOptions().upsert(true));
        live = building;
        liveSuffix = suffix;
        building = null;
        old.clear();
    }

    /** Gives up a generation being built. */
    public synchronized void abandon() {
        HistoryStore next = building;
        building = null;
        if (next != null) {
            next.clear();
        }
    }
}
