package org.jiguan.platform.eventlog.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.jiguan.platform.eventlog.compat.LedgerService.Approval;
import org.jiguan.platform.eventlog.compat.LedgerService.EntryRecorded;
import org.jiguan.platform.eventlog.compat.LedgerService.Kind;
import org.jiguan.platform.eventlog.compat.LedgerService.LedgerOpened;
import org.jiguan.platform.eventlog.compat.LedgerService.Line;
import org.jiguan.platform.eventlog.compat.LedgerService.OpenLedger;
import org.jiguan.platform.eventlog.compat.LedgerService.RecordEntry;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A store written by an earlier version of the platform still reads, and this version writes events exactly as
 * that one did. The fixture {@value #FIXTURE} is the MongoDB content (event log, snapshots, positions and the
 * tracking token) that {@link #capture} wrote on Spring Boot 3.5.16 with Jackson 2 from Boot's ObjectMapper, before
 * the move to Spring Boot 4; it is never written again by a newer version.
 */
class StoredEventCompatibilityTest {
    static final String FIXTURE = "/eventlog/ledger-store-boot-3.5.16.json";
    static final String CALLER = "fixture-writer";
    private static final List<String> COLLECTIONS =
            List.of("event_commits", "event_positions", "event_snapshots", "trackingtokens");

    /** What the fixture's writer was asked to do, in this order, each as {@value #CALLER}. */
    static List<Object> commands() {
        Approval approval = new Approval("上级编委", "中编办复字〔2024〕1号", LocalDate.of(2024, 2, 20));
        return List.of(
                new OpenLedger("ledger-1", Kind.DEPARTMENT, LocalDate.of(2024, 3, 1), approval, List.of("alice", "bob"),
                        null, 10),
                new RecordEntry("ledger-1", "e1", LocalDate.of(2024, 3, 2), Instant.parse("2024-03-02T01:02:03.123456789Z"),
                        List.of(new Line("工资", 100, LocalDate.of(2024, 3, 2)), new Line("办公", -5, null))),
                new RecordEntry("ledger-1", "e2", LocalDate.of(2024, 12, 31), Instant.parse("2024-12-31T15:59:59Z"),
                        List.of()),
                new RecordEntry("ledger-1", "e3", LocalDate.of(2025, 1, 1), Instant.parse("2025-01-01T00:00:00.5Z"),
                        List.of(new Line("办公", 7, LocalDate.of(2025, 1, 1)))),
                new RecordEntry("ledger-1", "e4", LocalDate.of(2025, 2, 28), Instant.parse("2025-02-28T08:00:00Z"),
                        List.of(new Line("工资", 1, LocalDate.of(2025, 2, 28)))),
                new OpenLedger("ledger-2", Kind.WORKING_BODY, LocalDate.of(2025, 6, 30), null, List.of(), "试点", 1));
    }

    /**
     * Writes the fixture: {@code -Djiguan.capture-stored-events=<file>} (only on the version the fixture is named
     * after).
     */
    @Test
    @EnabledIfSystemProperty(named = "jiguan.capture-stored-events", matches = ".+")
    void capture() throws Exception {
        String database = "ledger-capture-" + System.nanoTime();
        try (ConfigurableApplicationContext service = LedgerService.start(TestInfrastructure.mongoUri(), database)) {
            CommandGateway commands = service.getBean(CommandGateway.class);
            for (Object command : commands()) {
                commands.sendAndWait(asCaller(command));
            }
            LedgerProjection projection = service.getBean(LedgerProjection.class);
            awaitUntil(() -> projection.seen().size() == 4);
        }
        Document dump = new Document();
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase store = mongo.getDatabase(database);
            for (String collection : COLLECTIONS) {
                dump.append(collection, store.getCollection(collection).find().sort(new Document("_id", 1))
                        .into(new ArrayList<>()));
            }
            store.drop();
        }
        Files.writeString(Path.of(System.getProperty("jiguan.capture-stored-events")),
                dump.toJson(JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).indent(true).build()) + "\n");
    }

    @Test
    void a_store_written_on_boot_3_5_reads_and_goes_on() throws Exception {
        String database = "ledger-compat-" + System.nanoTime();
        Document fixture = fixture();
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase store = mongo.getDatabase(database);
            for (String collection : COLLECTIONS) {
                store.getCollection(collection).insertMany(fixture.getList(collection, Document.class));
            }
        }
        try (ConfigurableApplicationContext service = LedgerService.start(TestInfrastructure.mongoUri(), database)) {
            EventStore events = service.getBean(EventStore.class);
            EventStorageEngine log = service.getBean(EventStorageEngine.class);

            // Every event reads as the record it was, with the caller and correlation the writer gave it.
            List<? extends DomainEventMessage<?>> ledger = log.readEvents("ledger-1", 0).asStream().toList();
            assertThat(ledger).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
            List<Object> sent = commands();
            assertThat(ledger.get(0).getPayload()).isEqualTo(new LedgerOpened("ledger-1", Kind.DEPARTMENT,
                    LocalDate.of(2024, 3, 1), ((OpenLedger) sent.get(0)).approval(), List.of("alice", "bob"), null,
                    true, 10));
            for (int i = 1; i <= 4; i++) {
                RecordEntry entry = (RecordEntry) sent.get(i);
                assertThat(ledger.get(i).getPayload()).isEqualTo(new EntryRecorded("ledger-1", entry.entryId(),
                        entry.on(), entry.recordedAt(), entry.lines(), Kind.DEPARTMENT));
            }
            Map<String, String> storedAt = new HashMap<>();
            fixture.getList("event_commits", Document.class).forEach(commit -> commit.getList("events", Document.class)
                    .forEach(entry -> storedAt.put(entry.getString("id"), entry.getString("timestamp"))));
            assertThat(ledger).allSatisfy(event -> {
                assertThat(event.getMetaData()).containsEntry("caller", CALLER).containsKey("correlationId");
                assertThat(event.getTimestamp()).isEqualTo(Instant.parse(storedAt.get(event.getIdentifier())));
            });
            assertThat(log.readEvents("ledger-2", 0).asStream().<Object>map(DomainEventMessage::getPayload).toList())
                    .containsExactly(new LedgerOpened("ledger-2", Kind.WORKING_BODY, LocalDate.of(2025, 6, 30), null,
                            List.of(), "试点", true, 1));

            // This version writes what that one wrote: the same payload text, metadata and snapshot.
            Serializer eventSerializer = service.getBean("eventSerializer", Serializer.class);
            Serializer snapshotSerializer = ((AbstractEventStorageEngine) log).getSnapshotSerializer();
            ObjectMapper tree = new ObjectMapper();
            for (Document commit : fixture.getList("event_commits", Document.class)) {
                for (Document entry : commit.getList("events", Document.class)) {
                    Object payload = read(eventSerializer, entry, entry.getString("payloadType"), "payload");
                    assertThat(eventSerializer.serialize(payload, String.class).getData())
                            .isEqualTo(entry.getString("payload"));
                    Object metaData = read(eventSerializer, entry, MetaData.class.getName(), "metaData");
                    assertThat(tree.readTree(eventSerializer.serialize(metaData, String.class).getData()))
                            .isEqualTo(tree.readTree(entry.getString("metaData")));
                }
            }
            Document snapshot = fixture.getList("event_snapshots", Document.class).get(0);
            Object state = read(snapshotSerializer, snapshot, snapshot.getString("payloadType"), "payload");
            assertThat(tree.readTree(snapshotSerializer.serialize(state, String.class).getData()))
                    .isEqualTo(tree.readTree(snapshot.getString("payload")));

            // The aggregate is rebuilt from the old snapshot and the events after it, and its rules hold.
            assertThat(events.readEvents("ledger-1").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("the snapshot at 2, then the events after it").containsExactly(2L, 3L, 4L);
            assertThat(events.readEvents("ledger-1").asStream().findFirst().orElseThrow().getPayload())
                    .isInstanceOf(Ledger.class);
            CommandGateway commands = service.getBean(CommandGateway.class);
            for (String recorded : List.of("e1", "e4")) {
                assertThatThrownBy(() -> commands.sendAndWait(asCaller(new RecordEntry("ledger-1", recorded,
                        LocalDate.of(2026, 1, 1), Instant.parse("2026-01-01T00:00:00Z"), List.of()))))
                        .isInstanceOfSatisfying(RuleViolation.class,
                                violation -> assertThat(violation.ruleId()).isEqualTo("R-LEDGER-1"));
            }
            commands.sendAndWait(asCaller(new RecordEntry("ledger-1", "e5", LocalDate.of(2026, 1, 2),
                    Instant.parse("2026-01-02T00:00:00Z"), List.of(new Line("工资", 3, LocalDate.of(2026, 1, 2))))));
            assertThat(log.readEvents("ledger-1", 0).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);

            // The projection goes on from its stored token: the new event only, nothing again.
            LedgerProjection projection = service.getBean(LedgerProjection.class);
            awaitUntil(() -> !projection.seen().isEmpty());
            Thread.sleep(500);
            assertThat(projection.seen()).containsExactly("e5");
        }
    }

    private static Object read(Serializer serializer, Document entry, String type, String field) {
        return serializer.deserialize(new SimpleSerializedObject<>(entry.getString(field), String.class,
                new SimpleSerializedType(type, entry.getString("revision"))));
    }

    private static Document fixture() throws IOException {
        try (InputStream in = StoredEventCompatibilityTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return Document.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static GenericCommandMessage<?> asCaller(Object command) {
        return new GenericCommandMessage<>(command, Map.of("caller", CALLER));
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within 30 s");
            }
            Thread.sleep(50);
        }
    }
}
