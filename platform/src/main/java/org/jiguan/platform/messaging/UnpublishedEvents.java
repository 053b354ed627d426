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
 * record the broker rejects), kept in MongoDB ({@code unpublished_events}) with the record and the error, so the
 * stream goes on with the next events and an operator publishes them again once the cause is fixed. Each one is
 * logged as an ERROR and counted ({@code jiguan.publisher.set.aside}).
 * <p>One entry per topic and event, {@code _id} = {@code <topic>:<event id>} (a topic name holds no colon): one
 * event goes to two topics in meeting-service ({@code meeting-events} and {@code meeting-records}) and may be
 * refused on both. Every access is by {@code _id}, except the operator's list. Entries stored by event id alone
 * (before this key) are moved under their topic when the service starts.
 */
public class UnpublishedEvents {
    static final String COLLECTION = "unpublished_events";
    private static final String EVENT_ID = "eventId";
    private static final Logger log = LoggerFactory.getLogger(UnpublishedEvents.class);

    private final MongoCollection<Document> events;
    private final Counter setAside;
    private final Clock clock;

    public UnpublishedEvents(MongoDatabase database, MeterRegistry meters, Clock clock) {
        this.events = database.getCollection(COLLECTION);
        this.setAside = Counter.builder("jiguan.publisher.set.aside")
                .description("Events the publisher could not send and set aside").register(meters);
        this.clock = clock;
        keyOldEntriesByTopic();
    }

    /**
     * One event set aside, as shown to an operator.
     *
     * @param id the entry's id, {@code <topic>:<eventId>}, by which it is published again
     */
    public record UnpublishedEvent(String id, String eventId, String topic, String key, String type,
                                   Map<String, String> headers, String value, String error, Instant setAsideAt) {
    }

    /** The id of an event's entry for one topic. */
    static String idOf(String topic, String eventId) {
        return topic + ":" + eventId;
    }

    /**
     * Moves entries keyed by event id alone under {@code <topic>:<event id>}: the new entry is written first, then
     * the old one removed, so a stop in between leaves the old one to be moved again at the next start. Reads the
     * collection once at start (it holds a few entries, if any); every other access is by {@code _id}.
     */
    private void keyOldEntriesByTopic() {
        List<Document> old = events.find(Filters.exists(EVENT_ID, false)).into(new ArrayList<>());
        for (Document entry : old) {
            String eventId = entry.getString("_id");
            String id = idOf(entry.getString("topic"), eventId);
            Document moved = new Document(entry).append("_id", id).append(EVENT_ID, eventId);
            events.replaceOne(Filters.eq("_id", id), moved, new ReplaceOptions().upsert(true));
            events.deleteOne(Filters.eq("_id", eventId));
            log.info("Set-aside event {} is now kept as {}", eventId, id);
        }
    }

    void setAside(String eventId, ProducerRecord<String, byte[]> record, Throwable error) {
        Document headers = new Document();
        for (Header header : record.headers()) {
            headers.append(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        String id = idOf(record.topic(), eventId);
        Document event = new Document("_id", id).append(EVENT_ID, eventId).append("topic", record.topic())
                .append("key", record.key())
                .append("headers", headers).append("value", new String(record.value(), StandardCharsets.UTF_8))
                .append("error", error.toString()).append("setAsideAt", Date.from(clock.instant()));
        events.replaceOne(Filters.eq("_id", id), event, new ReplaceOptions().upsert(true));
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
        return new UnpublishedEvent(event.getString("_id"), event.getString(EVENT_ID), event.getString("topic"),
                event.getString("key"),
                headers.get("ce_type"), headers, event.getString("value"), event.getString("error"),
                event.getDate("setAsideAt").toInstant());
    }
}
