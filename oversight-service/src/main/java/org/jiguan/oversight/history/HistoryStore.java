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
 * <pre>{_id, committeeId, organId, mark, events: [{type, eventId, sequence, recordedAt, data}]}</pre>
 * {@code mark} is the highest sequence applied. An event above the mark is appended by a write conditional on
 * the mark, so a repeat or a concurrent writer cannot append it twice; a lost race is retried. An event at or below
 * the mark is a repeat when its sequence is present; otherwise it arrived late (a dead letter applied again) and is
 * added once, conditional on its sequence being absent. Readers order events by sequence. {@code data} is kept as
 * the JSON text received, so any event can be stored exactly as its producer wrote it.
 */
public class HistoryStore {
    private static final int RACE_RETRIES = 10;

    private final Map<AggregateKind, MongoCollection<Document>> collections = new EnumMap<>(AggregateKind.class);
    private final ObjectMapper json;

    /** @param suffix appended to the collection names; empty for the live histories */
    public HistoryStore(MongoDatabase database, ObjectMapper json, String suffix) {
        this.json = json;
        for (AggregateKind kind : AggregateKind.values()) {
            collections.put(kind, database.getCollection(collectionName(kind, suffix)));
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
            UpdateResult next = histories.updateOne(
                    Filters.and(Filters.eq("_id", aggregateId), Filters.lt("mark", sequence)),
                    Updates.combine(Updates.push("events", entry), Updates.set("mark", sequence),
                            Updates.set("committeeId", committeeId), Updates.set("organId", organId)));
            if (next.getMatchedCount() == 1) {
                return true;
            }
            Document current = histories.find(Filters.eq("_id", aggregateId)).first();
            if (current == null) {
                try {
                    histories.insertOne(new Document("_id", aggregateId).append("committeeId", committeeId)
                            .append("organId", organId).append("mark", sequence)
                            .append("events", new ArrayList<>(List.of(entry))));
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue; // created concurrently: try again against it
                }
            }
            if (((Number) current.get("mark")).longValue() < sequence) {
                continue; // the mark moved under us but is still below: try again
            }
            if (holds(current, sequence)) {
                return false;
            }
            UpdateResult late = histories.updateOne(
                    Filters.and(Filters.eq("_id", aggregateId), Filters.ne("events.sequence", sequence)),
                    Updates.push("events", entry));
            return late.getModifiedCount() == 1;
        }
        throw new IllegalStateException("could not append " + event.type() + " #" + sequence + " to " + aggregateId
                + " after " + RACE_RETRIES + " concurrent changes");
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
                doc.getString("organId"), events);
    }
}
