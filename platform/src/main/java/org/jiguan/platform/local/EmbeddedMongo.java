package org.jiguan.platform.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server in Java with an H2 file backend, so data survives a restart. Clients reach it
 * with the real mongodb-driver-sync over TCP. It has no transactions and no secondary indexes: keep queries few
 * and keyed by {@code _id}. For the local stack and tests only.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

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
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        server.bind("127.0.0.1", port);
        InetSocketAddress address = server.getLocalAddress();
        String uri = "mongodb://127.0.0.1:" + address.getPort();
        log.info("Embedded MongoDB-compatible server listening on {} with data in {}", uri, file);
        return new EmbeddedMongo(server, uri);
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
