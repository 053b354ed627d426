package org.jiguan.platform.messaging;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;

/**
 * Events that arrived ahead of their aggregate's sequence (7 while 5 is the last applied), kept until the missing
 * ones are applied (CONTRACT.md: a consumer holds the aggregate on a gap, it never drops an event). Keyed
 * {@code <aggregate>#<sequence>}, so holding, finding and releasing are {@code _id} lookups. What is held is known
 * from the store alone, never from this instance's memory: with several instances, the partition of an aggregate
 * whose event one instance held moves to another when the first stops or dies, and the missing event then arrives
 * there (TwoInstancesTest in meeting-service).
 */
public class HeldEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final MongoCollection<Document> held;

    public HeldEvents(MongoDatabase database, String collection) {
        this.held = database.getCollection(collection);
    }

    public void hold(ReceivedEvent event) {
        Document document = new Document("_id", key(event.subject(), event.sequence()))
                .append("id", event.id()).append("type", event.type()).append("source", event.source())
                .append("subject", event.subject()).append("sequence", event.sequence())
                .append("time", event.time().toString()).append("topic", event.topic())
                .append("partition", event.partition()).append("offset", event.offset())
                .append("data", event.data().toString());
        try {
            held.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e; // a repeat of an event already held is fine
            }
        }
    }

    /** The held event with this sequence, if it arrived early. */
    public Optional<ReceivedEvent> find(String subject, long sequence) {
        Document d = held.find(Filters.eq("_id", key(subject, sequence))).first();
        if (d == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReceivedEvent(d.getString("id"), d.getString("type"), d.getString("source"),
                    d.getString("subject"), d.getLong("sequence"), Instant.parse(d.getString("time")),
                    d.getString("topic"), d.getInteger("partition"), d.getLong("offset"),
                    JSON.readTree(d.getString("data"))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("held event " + d.get("_id") + " is not JSON", e);
        }
    }

    /** Forgets a held event once it is applied. */
    public void release(String subject, long sequence) {
        held.deleteOne(Filters.eq("_id", key(subject, sequence)));
    }

    private static String key(String subject, long sequence) {
        return subject + "#" + sequence;
    }
}
