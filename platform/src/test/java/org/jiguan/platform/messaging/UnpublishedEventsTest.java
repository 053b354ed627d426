package org.jiguan.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bson.Document;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events set aside are kept per topic: one event may be published on two topics (meeting-service publishes each
 * event on meeting-events and meeting-records), and refused on both.
 */
class UnpublishedEventsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T02:00:00Z"), ZoneOffset.UTC);

    private MongoClient mongo;
    private MongoDatabase database;

    @BeforeEach
    void open() {
        mongo = MongoClients.create(TestInfrastructure.mongoUri());
        database = mongo.getDatabase("unpublished-test-" + System.nanoTime());
    }

    @AfterEach
    void close() {
        database.drop();
        mongo.close();
    }

    @Test
    void an_event_refused_on_two_topics_is_set_aside_once_for_each() {
        UnpublishedEvents unpublished = new UnpublishedEvents(database, new SimpleMeterRegistry(), CLOCK);
        unpublished.setAside("event-1", record("meeting-events"), new RecordTooLargeException("too large"));
        unpublished.setAside("event-1", record("meeting-records"), new RecordTooLargeException("too large"));

        assertThat(unpublished.list()).extracting(UnpublishedEvents.UnpublishedEvent::topic)
                .containsExactlyInAnyOrder("meeting-events", "meeting-records");
        assertThat(unpublished.list()).extracting(UnpublishedEvents.UnpublishedEvent::eventId)
                .containsOnly("event-1");
        for (UnpublishedEvents.UnpublishedEvent event : unpublished.list()) {
            assertThat(unpublished.get(event.id()).topic()).as("found by its id").isEqualTo(event.topic());
        }

        unpublished.remove(unpublished.list().get(0).id());
        assertThat(unpublished.list()).hasSize(1);
    }

    @Test
    void entries_stored_by_event_id_alone_are_kept_under_their_topic() {
        database.getCollection(UnpublishedEvents.COLLECTION).insertOne(new Document("_id", "event-old")
                .append("topic", "organ-events").append("key", "organ-1")
                .append("headers", new Document("ce_type", "jiguan.organ.OrganCreated"))
                .append("value", "{}").append("error", "RecordTooLargeException").append("setAsideAt",
                        Date.from(CLOCK.instant())));

        UnpublishedEvents unpublished = new UnpublishedEvents(database, new SimpleMeterRegistry(), CLOCK);

        assertThat(unpublished.list()).singleElement().satisfies(event -> {
            assertThat(event.eventId()).isEqualTo("event-old");
            assertThat(event.topic()).isEqualTo("organ-events");
            assertThat(event.type()).isEqualTo("jiguan.organ.OrganCreated");
            assertThat(unpublished.get(event.id()).key()).isEqualTo("organ-1");
        });
        unpublished.setAside("event-old", record("organ-events"), new RecordTooLargeException("again"));
        assertThat(unpublished.list()).as("the same event on the same topic is one entry").hasSize(1);
    }

    private static ProducerRecord<String, byte[]> record(String topic) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, "meeting-1",
                "{}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "jiguan.meeting.MeetingConvened".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
