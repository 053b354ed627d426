package org.jiguan.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jiguan.platform.testing.Latencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store keeps what the event log relies on: an atomic {@code $inc}, and writes that survive it. */
class EmbeddedMongoTest {
    /**
     * The event log takes positions with {@code findOneAndUpdate($inc)} returning the document <em>before</em> the
     * update: this server answers "after" with its live document, which a concurrent increment may already have
     * changed, so two callers could be handed the same number and one number none (found by the benchmark).
     */
    @Test
    void concurrent_increments_hand_out_each_number_once(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0); MongoClient mongo = MongoClients.create(store.uri())) {
            MongoCollection<Document> counters = mongo.getDatabase("t").getCollection("counters");
            counters.insertOne(new Document("_id", "c").append("last", 0L));
            Set<Long> handedOut = ConcurrentHashMap.newKeySet();
            Latencies.inClients(16, client -> {
                for (int i = 0; i < 200; i++) {
                    Document after = counters.findOneAndUpdate(Filters.eq("_id", "c"), Updates.inc("last", 1L),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
                    assertThat(handedOut.add(after.getLong("last") + 1)).as("handed out once").isTrue();
                }
            });
            assertThat(handedOut).hasSize(16 * 200);
        }
    }
}
