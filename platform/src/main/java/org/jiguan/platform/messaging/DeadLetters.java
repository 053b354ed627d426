package org.jiguan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.jiguan.platform.rules.NotFound;

/**
 * Events a consumer could not apply, kept in MongoDB ({@code dead_letters}) with the record as read and the
 * error, so an operator can see them and apply them again once the cause is fixed. One per consumer and record:
 * reading the same record again replaces it instead of adding another.
 */
public class DeadLetters {
    static final String COLLECTION = "dead_letters";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadLetters.class);

    private final MongoCollection<Document> letters;
    private final ObjectMapper json;
    private final Clock clock;

    public DeadLetters(MongoDatabase database, ObjectMapper json, Clock clock) {
        this.letters = database.getCollection(COLLECTION);
        this.json = json;
        this.clock = clock;
    }

    /** One dead letter as shown to an operator. */
    public record DeadLetter(String id, String consumer, String topic, int partition, long offset, String key,
                             String eventId, String type, String subject, Map<String, String> headers, String value,
                             String error, int attempts, java.time.Instant failedAt) {
    }

    void record(String consumer, String topic, int partition, long offset, String key, Map<String, String> headers,
                byte[] value, RuntimeException error, int attempts) {
        String id = consumer + ":" + topic + ":" + partition + ":" + offset;
        Document letter = new Document("_id", id).append("consumer", consumer).append("topic", topic)
                .append("partition", partition).append("offset", offset).append("key", key)
                .append("headers", new Document(new LinkedHashMap<>(headers)))
                .append("value", value == null ? null : new String(value, StandardCharsets.UTF_8))
                .append("error", error.toString()).append("attempts", attempts)
                .append("failedAt", Date.from(clock.instant()));
        letters.replaceOne(Filters.eq("_id", id), letter, new ReplaceOptions().upsert(true));
        log.error("Consumer {} set aside {}-{}@{} ({}) as a dead letter: {}", consumer, topic, partition, offset,
                        headers.get("ce_type"), error.toString());
    }

    public List<DeadLetter> list(String consumer) {
        List<DeadLetter> found = new ArrayList<>();
        var query = consumer == null ? letters.find() : letters.find(Filters.eq("consumer", consumer));
        for (Document letter : query.sort(Sorts.ascending("failedAt"))) {
            found.add(toLetter(letter));
        }
        return found;
    }

    /** Cheap enough for every health probe: the collection's own count, no scan. */
    public long count() {
        return letters.estimatedDocumentCount();
    }

    public DeadLetter get(String id) {
        Document letter = letters.find(Filters.eq("_id", id)).first();
        if (letter == null) {
            throw new NotFound("No dead letter " + id);
        }
        return toLetter(letter);
    }

    /** The event of a dead letter, read again as the consumer read it. */
    ReceivedEvent event(DeadLetter letter) {
        return ReceivedEvent.read(letter.topic(), letter.partition(), letter.offset(), letter.headers(),
                letter.value() == null ? null : letter.value().getBytes(StandardCharsets.UTF_8), json);
    }

    void remove(String id) {
        letters.deleteOne(Filters.eq("_id", id));
    }

    void failedAgain(String id, RuntimeException error) {
        letters.updateOne(Filters.eq("_id", id), new Document("$set", new Document("error", error.toString())
                .append("failedAt", Date.from(clock.instant()))).append("$inc", new Document("attempts", 1)));
    }

    private static DeadLetter toLetter(Document letter) {
        Map<String, String> headers = new LinkedHashMap<>();
        letter.get("headers", Document.class).forEach((name, value) -> headers.put(name, (String) value));
        return new DeadLetter(letter.getString("_id"), letter.getString("consumer"), letter.getString("topic"),
                letter.getInteger("partition"), ((Number) letter.get("offset")).longValue(), letter.getString("key"),
                headers.get("ce_id"), headers.get("ce_type"), headers.get("ce_subject"), headers,
                letter.getString("value"), letter.getString("error"), letter.getInteger("attempts"),
                letter.getDate("failedAt").toInstant());
    }
}
