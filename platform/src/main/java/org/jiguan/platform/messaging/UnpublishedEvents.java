package org.jiguan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.jiguan.platform.rules.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events the publisher could not send for a reason that sending again will not cure (too large for the topic, a
 * record the broker rejects), kept in MongoDB ({@code unpublished_events}, one per event id) with the record and
 * the error, so the stream goes on with the next events and an operator publishes them again once the cause is
 * fixed. Each one is logged as an ERROR and counted ({@code jiguan.publisher.set.aside}).
 */
public class UnpublishedEvents {
    static final String COLLECTION = "unpublished_events";
    private static final Logger log = LoggerFactory.getLogger(UnpublishedEvents.class);

    private final MongoCollection<Document> events;
    private final Counter setAside;
    private final Clock clock;

    public UnpublishedEvents(MongoDatabase database, MeterRegistry meters, Clock clock) {
        this.events = database.getCollection(COLLECTION);
        this.setAside = Counter.builder("jiguan.publisher.set.aside")
                .description("Events the publisher could not send and set aside").register(meters);
        this.clock = clock;
    }

    /** One event set aside, as shown to an operator. */
    public record UnpublishedEvent(String id, String topic, String key, String type, Map<String, String> headers,
                                   String value, String error, Instant setAsideAt) {
    }

    void setAside(String eventId, ProducerRecord<String, byte[]> record, Throwable error) {
        Document headers = new Document();
        for (Header header : record.headers()) {
            headers.append(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        Document event = new Document("_id", eventId).append("topic", record.topic()).append("key", record.key())
                .append("headers", headers).append("value", new String(record.value(), StandardCharsets.UTF_8))
                .append("error", error.toString()).append("setAsideAt", Date.from(clock.instant()));
        events.replaceOne(Filters.eq("_id", eventId), event, new ReplaceOptions().upsert(true));
        setAside.increment();
        log.error("Publisher set aside event {} ({}, key {}) that {} cannot take: {}; the next events go on, "
                + "see GET /api/v1/unpublished-events", eventId, headers.get("ce_type"), record.key(), record.topic(),
                error.toString());
    }

    public List<UnpublishedEvent> list() {
        List<UnpublishedEvent> found = new ArrayList<>();
        for (Document event : events.find().sort(Sorts.ascending("setAsideAt"))) {
            found.add(toEvent(event));
        }
        return found;
    }

    /** Cheap enough for every health probe: the collection's own count, no scan. */
    public long count() {
        return events.estimatedDocumentCount();
    }

    UnpublishedEvent get(String id) {
        Document event = events.find(Filters.eq("_id", id)).first();
        if (event == null) {
            throw new NotFound("No unpublished event " + id);
        }
        return toEvent(event);
    }

    /** The record as the publisher first tried to send it. */
    static ProducerRecord<String, byte[]> record(UnpublishedEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                event.value().getBytes(StandardCharsets.UTF_8));
        event.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    void remove(String id) {
        events.deleteOne(Filters.eq("_id", id));
    }

    void failedAgain(String id, Throwable error) {
        events.updateOne(Filters.eq("_id", id), new Document("$set", new Document("error", error.toString())));
    }

    private static UnpublishedEvent toEvent(Document event) {
        Map<String, String> headers = new LinkedHashMap<>();
        event.get("headers", Document.class).forEach((name, value) -> headers.put(name, (String) value));
        return new UnpublishedEvent(event.getString("_id"), event.getString("topic"), event.getString("key"),
                headers.get("ce_type"), headers, event.getString("value"), event.getString("error"),
                event.getDate("setAsideAt").toInstant());
    }
}
