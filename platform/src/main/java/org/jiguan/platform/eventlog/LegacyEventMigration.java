package org.jiguan.platform.eventlog;

import static com.mongodb.client.model.Filters.eq;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a store written by the previous version (Axon's one document per event in {@code domainevents}, tracked
 * by timestamp) into the commit log, once, on start: every event becomes a commit of its own, in timestamp order
 * with each aggregate's events kept in sequence order; the processors' timestamp tokens become positions. A token
 * is set back by {@link #TOKEN_MARGIN} so that nothing the old publisher might have missed is left out (at worst a
 * few events are published again, with their {@code ce_id}, which consumers drop). Interrupted, it resumes: an event
 * already in the log is passed over. The old collection is then kept as {@code domainevents_migrated}.
 */
public final class LegacyEventMigration {
    private static final Logger log = LoggerFactory.getLogger(LegacyEventMigration.class);
    static final String LEGACY_EVENTS = "domainevents";
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(10);

    private final MongoDatabase database;
    private final Serializer serializer;

    public LegacyEventMigration(MongoDatabase database, Serializer serializer) {
        this.database = database;
        this.serializer = serializer;
    }

    public void migrateInto(CommitLogStorageEngine commitLog) {
        MongoCollection<Document> legacy = database.getCollection(LEGACY_EVENTS);
        if (legacy.find().limit(1).first() == null) {
            return;
        }
        List<TrackedEventMessage<?>> events = inAggregateOrder(readLegacy(commitLog));
        log.info("Migrating {} events from {} into the commit log", events.size(), LEGACY_EVENTS);
        List<Stamped> migrated = new ArrayList<>();
        EventLogQueries queries = new EventLogQueries(database);
        int done = 0;
        for (TrackedEventMessage<?> event : events) {
            try {
                commitLog.appendEvents(List.of(event));
            } catch (ConcurrencyException alreadyMigrated) {
                // an earlier, interrupted run stored it
            }
            migrated.add(new Stamped(queries.lastAllocatedPosition(), event.getTimestamp()));
            if (++done % 1000 == 0) {
                log.info("Migrated {} of {} events", done, events.size());
            }
        }
        migrateTokens(migrated);
        legacy.renameCollection(new MongoNamespace(database.getName(), LEGACY_EVENTS + "_migrated"));
        database.getCollection("snapshotevents").drop();
        log.info("Migrated {} events; the old collection is kept as {}_migrated", done,
                LEGACY_EVENTS);
    }

    private List<TrackedEventMessage<?>> readLegacy(CommitLogStorageEngine commitLog) {
        MongoEventStorageEngine legacy = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(commitLog.getEventSerializer())
                .snapshotSerializer(commitLog.getSnapshotSerializer())
                .build();
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        legacy.readEvents(null, false).forEach(events::add);
        return events;
    }

    /**
     * Time order across aggregates, but each aggregate's events in sequence order on the slots that aggregate
     * holds in time order: an instance's clock may have run behind another's.
     */
    static List<TrackedEventMessage<?>> inAggregateOrder(List<TrackedEventMessage<?>> byTime) {
        Map<String, List<TrackedEventMessage<?>>> perAggregate = new LinkedHashMap<>();
        byTime.forEach(event -> perAggregate.computeIfAbsent(aggregateOf(event), a -> new ArrayList<>()).add(event));
        perAggregate.values().forEach(list -> list.sort((a, b) -> Long.compare(sequenceOf(a), sequenceOf(b))));
        Map<String, Integer> taken = new HashMap<>();
        List<TrackedEventMessage<?>> ordered = new ArrayList<>(byTime.size());
        for (TrackedEventMessage<?> slot : byTime) {
            String aggregate = aggregateOf(slot);
            int next = taken.merge(aggregate, 1, Integer::sum) - 1;
            ordered.add(perAggregate.get(aggregate).get(next));
        }
        return ordered;
    }

    private static String aggregateOf(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static long sequenceOf(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
    }

    private record Stamped(long position, Instant timestamp) {
    }

    /**
     * Each processor's timestamp token becomes the last position of the longest run of migrated events, from the
     * first, all stamped safely before it: no event it may not have handled is passed over.
     */
    private void migrateTokens(List<Stamped> migrated) {
        MongoCollection<Document> tokens = database.getCollection("trackingtokens");
        for (Document entry : tokens.find()) {
            if (!MongoTrackingToken.class.getName().equals(entry.getString("tokenType"))) {
                continue;
            }
            byte[] data = entry.get("token", Binary.class).getData();
            MongoTrackingToken old = serializer.deserialize(
                    new SimpleSerializedObject<>(data, byte[].class, MongoTrackingToken.class.getName(), null));
            Instant safe = old.getTimestamp().minus(TOKEN_MARGIN);
            long handled = 0;
            for (Stamped event : migrated) {
                if (!event.timestamp().isBefore(safe)) {
                    break;
                }
                handled = event.position();
            }
            GlobalSequenceTrackingToken token = handled == 0
                    ? new GlobalSequenceTrackingToken(-1)
                    : CommitLogStorageEngine.LogPosition.token(handled, CommitDocuments.MAX_EVENTS_PER_COMMIT - 1);
            SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
            tokens.updateOne(eq("_id", entry.get("_id")), Updates.combine(
                    Updates.set("token", serialized.getData()),
                    Updates.set("tokenType", serialized.getType().getName())));
            log.info("Processor {} resumes after position {} (was at {})", entry.getString("processorName"),
                    handled, old.getTimestamp());
        }
    }
}
