package org.jiguan.platform.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store's unique indexes, keyed by strings that H2 compares without serializing them. */
class EncodedKeyIndexTest {

    @Test
    void keys_are_encoded_alike_exactly_when_the_server_finds_them_equal() {
        assertThat(EncodedKeyIndex.encode(new KeyValue(1))).as("numbers by value")
                .isEqualTo(EncodedKeyIndex.encode(new KeyValue(1L)))
                .isEqualTo(EncodedKeyIndex.encode(new KeyValue(1.0)));
        assertThat(EncodedKeyIndex.encode(new KeyValue(new de.bwaldvogel.mongo.bson.Document("a", 1).append("b", "x"))))
                .as("documents whatever their field order")
                .isEqualTo(EncodedKeyIndex.encode(new KeyValue(new de.bwaldvogel.mongo.bson.Document("b", "x")
                        .append("a", 1))));

        List<KeyValue> distinct = List.of(new KeyValue("1"), new KeyValue(1), new KeyValue(true),
                new KeyValue("ab", "c"), new KeyValue("a", "bc"), new KeyValue("s1:a"), new KeyValue(List.of("a", "b")),
                new KeyValue(List.of("ab")), new KeyValue("x", 2L), new KeyValue("x", 3L), new KeyValue(Long.MAX_VALUE),
                new KeyValue(Long.MAX_VALUE - 1));
        assertThat(distinct.stream().map(EncodedKeyIndex::encode).distinct()).hasSameSizeAs(distinct);
    }

    /**
     * A store written by the server's own H2 indexes (the last version's {@code .jiguan-data}) opens with its
     * indexes built again from the documents: lookups find them, and a unique index still refuses a duplicate.
     */
    @Test
    void a_store_written_with_the_servers_own_indexes_opens_with_its_indexes_built_again(@TempDir Path dir)
            throws Exception {
        String file = dir.resolve("mongo.mv").toString();
        MongoServer old = new MongoServer(new H2Backend(file));
        old.bind("127.0.0.1", 0);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            MongoCollection<Document> commits = client.getDatabase("t").getCollection("event_commits");
            commits.createIndex(Indexes.ascending("streams"), new IndexOptions().unique(true).name("streams"));
            for (long position = 1; position <= 50; position++) {
                commits.insertOne(new Document("_id", position).append("streams", List.of("organ-" + position + "#0")));
            }
        }
        old.shutdownNow();

        try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> commits = client.getDatabase("t").getCollection("event_commits");
            assertThat(commits.find(Filters.eq("_id", 7L)).first()).isNotNull();
            assertThat(commits.find(Filters.in("streams", List.of("organ-9#0", "organ-10#0", "organ-99#0")))
                    .into(new java.util.ArrayList<>())).hasSize(2);
            assertThatThrownBy(() -> commits.insertOne(new Document("_id", 51L).append("streams", List.of("organ-3#0"))))
                    .isInstanceOfSatisfying(MongoWriteException.class,
                            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThatThrownBy(() -> commits.insertOne(new Document("_id", 5L).append("streams", List.of("new#0"))))
                    .as("the _id index").isInstanceOf(MongoWriteException.class);

            commits.drop();
            commits.createIndex(Indexes.ascending("streams"), new IndexOptions().unique(true).name("streams"));
            commits.insertOne(new Document("_id", 1L).append("streams", List.of("organ-1#0")));
            assertThat(commits.countDocuments()).as("a dropped collection's index goes with it").isEqualTo(1);
        }
    }
}
