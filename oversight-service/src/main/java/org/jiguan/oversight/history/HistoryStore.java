package org.jiguan.oversight.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.views.AggregateHistory;
import org.jiguan.oversight.views.AggregateKind;
import org.jiguan.oversight.views.RecordedEvent;

/**
 * Event histories in MongoDB: one collection per aggregate kind ({@code organ_histories}, …), one document per
 * aggregate keyed by its id:
 * <pre>{_id, committeeId, organId, mark, version, events: [{type, eventId, sequence, recordedAt, data}]}</pre>
 * {@code mark} is the highest sequence received. Every write is conditional on the document's {@code version}
 * ({@code {_id, version}}, served by a unique index on both, so it is a lookup and not a scan on the local
 * server), so a repeat or a concurrent writer cannot add an event twice; a lost race is retried. An event already
 * held is a repeat. An event may arrive after a later one (a dead letter applied again): readers see an
 * aggregate's events in sequence order and only up to the first missing one, so the aggregate is held at a gap
 * until the missing event arrives. {@code data} is kept as the JSON text received, so any event can be stored
 * exactly as its producer wrote it.
 */
public class HistoryStore {
    private static final int RACE_RETRIES = 10;

    private final Map<AggregateKind, MongoCollection<Document>> collections = new EnumMap<>(AggregateKind.class);
    private final ObjectMapper json;

    /** @param suffix appended to the collection names; empty for the live histories */
    public HistoryStore(MongoDatabase database, ObjectMapper json, String suffix) {
        this.json = json;
        for (AggregateKind kind : AggregateKind.values()) {
            MongoCollection<Document> histories = database.getCollection(collectionName(kind, suffix));
            histories.createIndex(Indexes.ascending("_id", "version"),
                    new IndexOptions().unique(true).name("_id_version"));
            collections.put(kind, histories);
        }
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
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Document current = histories.find(Filters.eq("_id", aggregateId)).first();
            if (current == null) {
                try {
                    histories.insertOne(new Document("_id", aggregateId).append("committeeId", committeeId)
                            .append("organId", organId).append("mark", sequence).append("version", 0L)
                            .append("events", new ArrayList<>(List.of(entry))));
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // created concurrently: try again against it
                }
            }
            if (holds(current, sequence)) {
                return false;
            }
            Object version = current.get("version");
            long mark = Math.max(((Number) current.get("mark")).longValue(), sequence);
            UpdateResult added = histories.updateOne(
                    new Document("_id", aggregateId).append("version", version), // flat: served by _id_version
                    Updates.combine(Updates.push("events", entry), Updates.set("mark", mark),
                            Updates.set("version", version == null ? 1L : ((Number) version).longValue() + 1),
                            Updates.set("committeeId", committeeId), Updates.set("organId", organId)));
            if (added.getMatchedCount() == 1) {
                return true;
            }
        }
        throw new IllegalStateException("could not append " + event.type() + " #" + sequence + " to " + aggregateId
                + " after " + RACE_RETRIES + " concurrent changes");
    }

    /** The highest sequence received for the aggregate, held ones included; -1 when none. */
    public long mark(AggregateKind kind, String aggregateId) {
        Document doc = collections.get(kind).find(Filters.eq("_id", aggregateId)).first();
        return doc == null ? -1 : ((Number) doc.get("mark")).longValue();
    }

    public Optional<AggregateHistory> load(AggregateKind kind, String aggregateId) {
        return Optional.ofNullable(collections.get(kind).find(Filters.eq("_id", aggregateId)).first())
                .map(doc -> history(kind, doc));
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

    /** Removes every history; for a rebuild into fresh collections. */
    public void clear() {
        collections.values().forEach(MongoCollection::drop);
    }

    private List<AggregateHistory> find(AggregateKind kind, Bson filter) {
        List<AggregateHistory> found = new ArrayList<>();
        for (Document doc : collections.get(kind).find(filter)) {
            found.add(history(kind, doc));
        }
        return found;
    }

    private static boolean holds(Document history, long sequence) {
        return history.getList("events", Document.class).stream()
                .anyMatch(e -> ((Number) e.get("sequence")).longValue() == sequence);
    }

    private Document entry(RecordedEvent event) {
        return new Document("type", event.type()).append("eventId", event.eventId())
                .append("sequence", event.sequence()).append("recordedAt", event.recordedAt().toString())
                .append("data", event.data().toString());
    }

    private AggregateHistory history(AggregateKind kind, Document doc) {
        List<RecordedEvent> events = new ArrayList<>();
        for (Document e : doc.getList("events", Document.class)) {
            try {
                events.add(new RecordedEvent(e.getString("type"), e.getString("eventId"),
                        ((Number) e.get("sequence")).longValue(), Instant.parse(e.getString("recordedAt")),
                        json.readTree(e.getString("data"))));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("stored event data of " + doc.get("_id") + " is not JSON", ex);
            }
        }
        return new AggregateHistory(kind, doc.getString("_id"), doc.getString("committeeId"),
                doc.getString("organId"), upToFirstGap(events));
    }

    /** An aggregate's events in sequence order up to the first missing one: later ones wait for it. */
    static List<RecordedEvent> upToFirstGap(List<RecordedEvent> events) {
        List<RecordedEvent> ordered = new ArrayList<>(events);
        ordered.sort(java.util.Comparator.comparingLong(RecordedEvent::sequence));
        List<RecordedEvent> contiguous = new ArrayList<>(ordered.size());
        for (RecordedEvent event : ordered) {
            if (event.sequence() != contiguous.size()) {
                break;
            }
            contiguous.add(event);
        }
        return contiguous;
    }
}
