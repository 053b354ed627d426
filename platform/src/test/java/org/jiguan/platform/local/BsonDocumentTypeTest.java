package org.jiguan.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store keeps its documents as BSON in H2's pages, and still reads those a former version serialized. */
class BsonDocumentTypeTest {
    private final BsonDocumentType type = new BsonDocumentType();

    @Test
    void a_document_is_written_as_bson_and_read_back_equal() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "organ-1")
                .append("version", 3L).append("count", 7).append("ratio", 0.5).append("open", true)
                .append("none", null).append("at", Instant.ofEpochMilli(1_700_000_000_123L))
                .append("events", List.of(new de.bwaldvogel.mongo.bson.Document("sequence", 0L)
                        .append("payload", "{\"name\":\"中共某省委办公厅\"}")));

        ByteBuffer stored = written(document);
        assertThat(stored.get(0)).as("tagged BSON").isEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).as("read to its end, no further").isZero();
    }

    @Test
    void a_document_serialized_by_an_earlier_version_is_read_as_it_was() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", 42L)
                .append("streams", List.of("organ-1#0", "prov-jn#12"));
        WriteBuffer buffer = new WriteBuffer(256);
        new ObjectDataType().write(buffer, document); // how H2 stored it before: Java serialization
        ByteBuffer stored = buffer.getBuffer().flip();

        assertThat(type.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).isZero();
    }

    @Test
    void a_value_bson_has_no_type_for_is_serialized_as_before() {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document("_id", "x")
                .append("day", LocalDate.of(2026, 12, 7));

        ByteBuffer stored = written(document);
        assertThat(stored.get(0)).isNotEqualTo(BsonDocumentType.BSON);
        assertThat(type.read(stored)).isEqualTo(document);
    }

    /**
     * A store written with H2's Java serialization (the last version's {@code .jiguan-data}) opens and reads as it
     * was; documents changed since are written as BSON, and after a restart both kinds are read from the file.
     */
    @Test
    void a_store_written_with_java_serialization_opens_and_reads_as_it_was(@TempDir Path dir) throws Exception {
        MongoServer old = new MongoServer(new H2Backend(dir.resolve("mongo.mv").toString()));
        old.bind("127.0.0.1", 0);
        List<Document> before = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + old.getLocalAddress().getPort())) {
            MongoCollection<Document> rows = client.getDatabase("t").getCollection("rows");
            for (int i = 0; i < 100; i++) {
                Document row = new Document("_id", "organ-" + i).append("version", (long) i).append("n", i)
                        .append("at", new Date(1_700_000_000_000L + i)).append("id", new ObjectId())
                        .append("bytes", new Binary(new byte[] {1, 2, (byte) i})).append("amount", Decimal128.parse("1.5"))
                        .append("facts", List.of(new Document("on", "2026-12-0" + (i % 9 + 1)).append("text", "机关" + i)));
                rows.insertOne(row);
                before.add(row);
            }
        }
        old.shutdownNow();

        try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> rows = client.getDatabase("t").getCollection("rows");
            assertThat(rows.find().into(new ArrayList<>())).containsExactlyInAnyOrderElementsOf(before);
            for (int i = 0; i < 50; i++) {
                rows.updateOne(Filters.eq("_id", "organ-" + i), Updates.inc("version", 1L));
                before.get(i).put("version", before.get(i).getLong("version") + 1);
            }
            rows.insertOne(new Document("_id", "organ-new").append("version", 0L));
            before.add(new Document("_id", "organ-new").append("version", 0L));
        }
        Map<Object, Byte> tags = tagsOnFile(dir, "databases.t.rows");
        assertThat(tags).as("the documents changed since are BSON on file")
                .containsEntry("organ-0", BsonDocumentType.BSON).containsEntry("organ-49", BsonDocumentType.BSON)
                .containsEntry("organ-new", BsonDocumentType.BSON);
        try (EmbeddedMongo store = EmbeddedMongo.start(dir, 0); MongoClient client = MongoClients.create(store.uri())) {
            MongoCollection<Document> rows = client.getDatabase("t").getCollection("rows");
            assertThat(rows.find().into(new ArrayList<>())).as("read from the file after a restart")
                    .containsExactlyInAnyOrderElementsOf(before);
            rows.updateOne(Filters.eq("_id", "organ-99"), Updates.set("n", -1));
        }
        assertThat(tagsOnFile(dir, "databases.t.rows")).as("written by a store that opened them from its file")
                .containsEntry("organ-99", BsonDocumentType.BSON);
    }

    /** The tag each document of a collection's map starts with on file, by {@code _id}. */
    private static Map<Object, Byte> tagsOnFile(Path dir, String map) {
        Map<Object, Byte> tags = new HashMap<>();
        BsonDocumentType documents = new BsonDocumentType();
        BasicDataType<de.bwaldvogel.mongo.bson.Document> tagged = new BasicDataType<>() {
            @Override
            public int getMemory(de.bwaldvogel.mongo.bson.Document document) {
                return documents.getMemory(document);
            }

            @Override
            public void write(WriteBuffer buffer, de.bwaldvogel.mongo.bson.Document document) {
                throw new UnsupportedOperationException("read only");
            }

            @Override
            public de.bwaldvogel.mongo.bson.Document read(ByteBuffer buffer) {
                byte tag = buffer.get(buffer.position());
                de.bwaldvogel.mongo.bson.Document document = documents.read(buffer);
                tags.put(document.get("_id"), tag);
                return document;
            }

            @Override
            public de.bwaldvogel.mongo.bson.Document[] createStorage(int size) {
                return new de.bwaldvogel.mongo.bson.Document[size];
            }
        };
        MVStore store = new MVStore.Builder().fileName(dir.resolve("mongo.mv").toString()).readOnly().open();
        try {
            store.openMap(map, new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(tagged))
                    .values().forEach(document -> { });
        } finally {
            store.close();
        }
        return tags;
    }

    private ByteBuffer written(de.bwaldvogel.mongo.bson.Document document) {
        WriteBuffer buffer = new WriteBuffer(256);
        type.write(buffer, document);
        return buffer.getBuffer().flip();
    }
}
