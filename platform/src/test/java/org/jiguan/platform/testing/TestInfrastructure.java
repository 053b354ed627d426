package org.jiguan.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jiguan.platform.local.EmbeddedKafka;
import org.jiguan.platform.local.EmbeddedMongo;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * One real Kafka broker and one MongoDB-compatible server per test JVM, reached over TCP like in production.
 * {@link #start()} publishes their addresses as the system properties the services read
 * ({@code MONGODB_URI}, {@code KAFKA_BOOTSTRAP_SERVERS}, {@code JIGUAN_JWT_SECRET}). Their files (up to 1.5 GB)
 * are deleted when the JVM exits.
 */
public final class TestInfrastructure {
    public static final String JWT_SECRET = "test-secret-for-jiguan-tests-0123456789abcdef";

    private static EmbeddedKafka kafka;
    private static EmbeddedMongo mongo;
    private static Path data;

    private TestInfrastructure() {
    }

    public static synchronized void start() {
        if (kafka != null) {
            return;
        }
        try {
            data = Files.createTempDirectory("jiguan-test-");
            mongo = EmbeddedMongo.start(data.resolve("mongo"), 0);
            kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.setProperty("MONGODB_URI", mongo.uri());
        System.setProperty("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        System.setProperty("JIGUAN_JWT_SECRET", JWT_SECRET);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            mongo.close();
            try {
                FileSystemUtils.deleteRecursively(data);
            } catch (IOException e) {
                System.err.println("could not delete the test broker's and store's files in " + data + ": " + e);
            }
        }, "test-infrastructure-stop"));
    }

    private static String newTomcatDirectory() {
        try {
            return Files.createTempDirectory(dataDirectory(), "tomcat-").toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where this JVM's broker and store keep their files until it exits. */
    public static Path dataDirectory() {
        start();
        return data;
    }

    public static String mongoUri() {
        start();
        return mongo.uri();
    }

    public static String kafkaBootstrap() {
        start();
        return kafka.bootstrapServers();
    }

    /**
     * Points a service under test at this JVM's broker and server, its events in the given database, its
     * development tokens signed with {@link #JWT_SECRET}; for a service's {@code @DynamicPropertySource}.
     */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registerStores(registry, database);
        registry.add("jiguan.security.jwt-secret", () -> JWT_SECRET);
    }

    /** As {@link #register}, leaving the service's token verification as it is configured. */
    public static void registerStores(DynamicPropertyRegistry registry, String database) {
        registry.add("jiguan.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("jiguan.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrap);
        registry.add("jiguan.mongodb.database", () -> database);
        // Each server's Tomcat directory beside them (by default one in the system's temporary directory, left behind).
        registry.add("server.tomcat.basedir", TestInfrastructure::newTomcatDirectory);
    }
}
