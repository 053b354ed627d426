package org.jiguan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jiguan.platform.local.EmbeddedMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys untouched for longer than the retention are forgotten: old answers and claims abandoned long ago. */
class IdempotencyKeyRetentionTest {
    private static final Instant NOW = Instant.parse("2026-11-23T00:00:00Z");

    @TempDir
    Path data;

    @Test
    void keys_untouched_for_longer_than_the_retention_are_forgotten() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data, 0); MongoClient client = MongoClients.create(mongo.uri())) {
            MongoDatabase database = client.getDatabase("keys-test");
            MongoCollection<Document> keys = database.getCollection("idempotency_keys");
            keys.insertMany(List.of(
                    key("old-answer", "DONE", NOW.minus(Duration.ofDays(8))),
                    key("recent-answer", "DONE", NOW.minus(Duration.ofDays(6))),
                    key("abandoned-claim", "PENDING", NOW.minus(Duration.ofDays(8))),
                    key("running-claim", "PENDING", NOW.minusSeconds(10)),
                    new Document("_id", "sub|kept-before-leases").append("state", "DONE")
                            .append("createdAt", Date.from(NOW.minus(Duration.ofDays(8))))));
            IdempotencyKeys store = new IdempotencyKeys(database, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(2));

            assertThat(store.forgetOlderThan(Duration.ofDays(7))).isEqualTo(3);
            assertThat(keys.find().map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                    .containsExactlyInAnyOrder("recent-answer", "running-claim");
        }
    }

    private static Document key(String id, String state, Instant touchedAt) {
        return new Document("_id", id).append("state", state).append("lease", id)
                .append("touchedAt", Date.from(touchedAt));
    }
}
