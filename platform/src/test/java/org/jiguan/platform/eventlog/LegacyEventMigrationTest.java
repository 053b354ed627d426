package org.jiguan.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A store written by the previous version (Axon's one document per event in {@code domainevents}, a publisher
 * token by timestamp) starts with the commit log: every event is there, each aggregate in sequence order, and
 * the publisher goes on from about where it was, never after an event it may not have sent.
 */
class LegacyEventMigrationTest {
    record Note(String text) {
    }

    private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    private MongoClient mongo;
    private MongoDatabase database;

    @BeforeEach
    void open() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        database = mongo.getDatabase("legacy-migration-test-" + System.nanoTime());
    }

    @AfterEach
    void close() {
        GenericEventMessage.clock = Clock.systemUTC();
        database.drop();
        mongo.close();
    }

    @Test
    void the_previous_versions_events_and_publisher_position_are_carried_into_the_log() {
        MongoEventStorageEngine legacy = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .eventSerializer(serializer).snapshotSerializer(serializer).build();
        // Instance clocks disagreed: organ-1's second event is stamped before its first.
        storeAt(legacy, T0, "organ-1", 0);
        storeAt(legacy, T0.minusSeconds(1), "organ-1", 1);
        storeAt(legacy, T0.plusSeconds(60), "organ-2", 0);
        storeAt(legacy, T0.plusSeconds(120), "organ-1", 2);
        TokenStore tokens = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer).build();
        tokens.initializeTokenSegments("kafka-publisher", 1);
        tokens.storeToken(MongoTrackingToken.of(T0.plusSeconds(90), "whatever"), "kafka-publisher", 0);
        tokens.releaseClaim("kafka-publisher", 0);

        CommitLogStorageEngine log = CommitLogStorageEngine.builder().database(database)
                .gapTimeout(Duration.ofMillis(300)).eventSerializer(serializer).snapshotSerializer(serializer).build();
        new LegacyEventMigration(database, serializer).migrateInto(log);

        assertThat(log.readEvents("organ-1").asStream().map(DomainEventMessage::getSequenceNumber))
                .containsExactly(0L, 1L, 2L);
        List<? extends TrackedEventMessage<?>> all = log.readEvents(null, false).toList();
        assertThat(all).extracting(e -> ((Note) e.getPayload()).text())
                .containsExactly("organ-1#0", "organ-1#1", "organ-2#0", "organ-1#2");
        assertThat(all.get(2).getTimestamp()).as("timestamps kept").isEqualTo(T0.plusSeconds(60));

        // The old token was at T0+90 s: the publisher resumes after the events stamped more than 10 s before it.
        GlobalSequenceTrackingToken resumed = (GlobalSequenceTrackingToken) tokens.fetchToken("kafka-publisher", 0);
        assertThat(log.readEvents(resumed, false).map(e -> ((Note) e.getPayload()).text()).toList())
                .containsExactly("organ-1#2");
        assertThat(database.listCollectionNames().into(new java.util.ArrayList<>()))
                .contains("domainevents_migrated").doesNotContain("domainevents");

        // Started again, nothing is migrated twice.
        new LegacyEventMigration(database, serializer).migrateInto(log);
        assertThat(log.readEvents(null, false).toList()).hasSize(4);
    }

    private static void storeAt(MongoEventStorageEngine legacy, Instant at, String aggregate, long sequence) {
        GenericEventMessage.clock = Clock.fixed(at, ZoneOffset.UTC);
        legacy.appendEvents(new GenericDomainEventMessage<>("Organ", aggregate, sequence,
                new Note(aggregate + "#" + sequence)));
    }
}
