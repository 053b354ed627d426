package org.jiguan.platform.testing;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/** What a service's event log holds, read straight from MongoDB for assertions (a full read: tests only). */
public final class StoredEvents {
    private StoredEvents() {
    }

    /** One stored event with the position of the commit that holds it. */
    public record StoredEvent(long position, String id, String aggregateId, long sequence, String payloadType,
                              String payload) {
        public boolean is(String eventType) {
            return payloadType.endsWith("." + eventType);
        }
    }

    public static List<StoredEvent> all(String database) {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            return all(mongo.getDatabase(database));
        }
    }

    public static List<StoredEvent> all(MongoDatabase database) {
        List<StoredEvent> events = new ArrayList<>();
        for (Document commit : database.getCollection("event_commits").find().sort(new Document("_id", 1))) {
            long position = commit.get("_id", Number.class).longValue();
            for (Document e : commit.getList("events", Document.class, List.of())) {
                events.add(new StoredEvent(position, e.getString("id"), e.getString("aggregateId"),
                        e.getLong("sequence"), e.getString("payloadType"), e.getString("payload")));
            }
        }
        return events;
    }

    public static boolean hasSnapshot(String database, String aggregateId) {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            return mongo.getDatabase(database).getCollection("event_snapshots")
                    .find(new Document("_id", aggregateId)).first() != null;
        }
    }
}
