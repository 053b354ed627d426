package org.jiguan.platform.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in Java with an H2 file backend, so data survives a restart. Clients reach it
 * with the real mongodb-driver-sync over TCP. It has no transactions and no secondary indexes: keep queries few
 * and keyed by {@code _id}. For the local stack and tests only.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    /**
     * Threads serving connections. The server answers each connection's requests on one event-loop thread, and a
     * commit's file write holds that thread: with Netty's default (twice the cores) a dozen connections shared four
     * threads, so a query of one service waited behind another service's file writes (oversight's consumer spent
     * most of its time so, with the store's CPU idle). With more threads than connections, each has its own.
     */
    private static final int CONNECTION_THREADS = 256;

    private final MongoServer server;
    private final String uri;

    private EmbeddedMongo(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    /** Starts a server on {@code port} (0 = any free port) that stores its data in {@code dataDir}. */
    public static EmbeddedMongo start(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dataDir, e);
        }
        Path file = dataDir.resolve("mongo.mv").toAbsolutePath();
        MongoServer server = new MongoServer(new DurableH2Backend(file.toString()));
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, CONNECTION_THREADS);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Embedded MongoDB-compatible server listening on {} with data in {}", uri, file);
        return new EmbeddedMongo(server, uri);
    }

    /**
     * H2's store writes its file about once a second by itself, so a killed server process would lose the last
     * second of acknowledged writes. This one writes the file before it answers a write to the event log's commits
     * ({@code event_commits}), as a real MongoDB's journal does, so a command answered 2xx survives a kill -9 of the
     * store too; commits that finish while a file write is under way are covered by the next one together (group
     * commit). A file write holds the whole store as it is, so it also holds the position counter
     * ({@code event_positions}) as of that moment, which is at least every position written to a commit before it:
     * the counter needs no file write of its own, and after a kill it may go back only over positions no stored
     * commit holds. Other writes (read models, idempotency keys) keep H2's one-second cadence: a file write per
     * consumed event made the consumers several times slower.
     */
    static final class DurableH2Backend extends H2Backend {
        private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify");
        private static final String COMMITS = "event_commits";
        /** Static: H2's backend opens the databases already stored from its constructor, before this one's fields. */
        private static final BsonDocumentType DOCUMENTS_AS_BSON = new BsonDocumentType();
        private final AtomicLong writesDone = new AtomicLong();
        private final Object fileWrite = new Object();
        private long writesInFile;

        DurableH2Backend(String file) {
            // No background compaction: it rewrote chunks on every file write and doubled a write's cost.
            // Pages of 4 KB (H2's default for a file is 16 KB): a file write writes every changed page whole, with
            // each document it holds, so smaller pages write less besides the documents changed (an oversight
            // rebuild, ReadModelScaleBenchmark's reads test: 9,800-10,900 -> 12,400 events/s).
            super(new MVStore.Builder().fileName(file).autoCompactFillRate(0).pageSplitSize(4096).open());
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new EncodedKeyDatabase(databaseName);
        }

        /**
         * H2's database whose unique indexes are {@link EncodedKeyIndex}es. Its maps are named apart from the
         * server's own; a server's own index map left from an earlier version is removed, and the index is built
         * again from the documents when it is opened empty.
         */
        private final class EncodedKeyDatabase extends H2Database {
            private static final String ENCODED = ".encoded";
            /** The names mongo-java-server gives a collection's maps. */
            private static final String DOCUMENTS = "databases.";
            private static final String META = "meta.";

            EncodedKeyDatabase(String databaseName) {
                super(databaseName, getMvStore(), getCursorRegistry());
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                String serversOwn = mapName(collectionName, indexName);
                if (getMvStore().hasMap(serversOwn)) {
                    getMvStore().removeMap(serversOwn);
                }
                return new EncodedKeyIndex(getMvStore().openMap(serversOwn + ENCODED), indexName, keys, sparse);
            }

            /** The server's own collection, its documents in H2's pages as BSON ({@link BsonDocumentType}). */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = getMvStore().openMap(DOCUMENTS + namespace,
                        new MVMap.Builder<Object, Document>().valueType(DOCUMENTS_AS_BSON));
                MVMap<String, Object> meta = getMvStore().openMap(META + namespace);
                return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
            }

            @Override
            protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                super.dropIndex(collection, indexName);
                String encoded = mapName(collection.getCollectionName(), indexName) + ENCODED;
                if (getMvStore().hasMap(encoded)) {
                    getMvStore().removeMap(encoded);
                }
            }

            /** The name mongo-java-server gives an index's map. */
            private String mapName(String collectionName, String indexName) {
                return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            }
        }

        @Override
        public Document handleMessage(MongoMessage message) {
            Document response = super.handleMessage(message);
            String command = message.getDocument().keySet().iterator().next();
            Object collection = message.getDocument().get(command);
            if (WRITES.contains(command.toLowerCase(Locale.ROOT)) && collection instanceof String name
                    && name.equals(COMMITS)) {
                writeFileCovering(writesDone.incrementAndGet());
            }
            return response;
        }

        private void writeFileCovering(long write) {
            synchronized (fileWrite) {
                if (writesInFile >= write) {
                    return; // a file write that started after this write finished has covered it
                }
                long covered = writesDone.get();
                commit();
                writesInFile = covered;
            }
        }
    }

    public String uri() {
        return uri;
    }

    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB-compatible server stopped");
    }
}
