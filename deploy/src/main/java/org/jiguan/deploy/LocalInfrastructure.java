package org.jiguan.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jiguan.platform.local.EmbeddedKafka;
import org.jiguan.platform.local.EmbeddedMongo;

/**
 * The MongoDB-compatible store and the Kafka broker the services use: the ones named by MONGODB_URI and
 * KAFKA_BOOTSTRAP_SERVERS when set, otherwise embedded ones started here with their data in the data directory.
 */
final class LocalInfrastructure implements AutoCloseable {
    static final int MONGO_PORT = 27018;
    static final int KAFKA_PORT = 9092;
    static final String MONGODB_URI = "MONGODB_URI";
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    private static final int PARTITIONS = 3;

    private volatile EmbeddedMongo mongo;
    private volatile EmbeddedKafka kafka;
    private volatile String mongoUri;
    private volatile String kafkaBootstrap;

    /** Starts what is not configured; on failure, whatever did start is left for {@link #close()}. */
    void start(Map<String, String> env, StackPaths paths) {
        mongoUri = env.get(MONGODB_URI);
        if (isBlank(mongoUri)) {
            Ports.requireFree(MONGO_PORT, "MongoDB-compatible server", "set " + MONGODB_URI + " to use another MongoDB");
            Console.info("Starting the MongoDB-compatible server (mongo-java-server, H2 file) on 127.0.0.1:" + MONGO_PORT);
            mongo = EmbeddedMongo.start(paths.mongoDir(), MONGO_PORT);
            mongoUri = mongo.uri();
        } else {
            Console.info("Using MongoDB at " + mongoUri + " (" + MONGODB_URI + ")");
        }
        kafkaBootstrap = env.get(KAFKA_BOOTSTRAP_SERVERS);
        if (isBlank(kafkaBootstrap)) {
            Ports.requireFree(KAFKA_PORT, "Kafka broker", "set " + KAFKA_BOOTSTRAP_SERVERS + " to use another Kafka");
            Console.info("Starting the Kafka broker (KRaft) on 127.0.0.1:" + KAFKA_PORT);
            kafka = EmbeddedKafka.start(paths.kafkaDir(), KAFKA_PORT);
            kafkaBootstrap = kafka.bootstrapServers();
        } else {
            Console.info("Using Kafka at " + kafkaBootstrap + " (" + KAFKA_BOOTSTRAP_SERVERS + ")");
        }
    }

    /**
     * Creates the services' topics on the embedded broker up front (with {@value #PARTITIONS} partitions), so they
     * can be consumed before the first event. A configured Kafka is left as it is.
     */
    void createTopics(List<String> topics) {
        if (kafka == null || topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap))) {
            Set<String> missing = new HashSet<>(topics);
            missing.removeAll(admin.listTopics().names().get(30, TimeUnit.SECONDS));
            if (!missing.isEmpty()) {
                admin.createTopics(missing.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList())
                        .all().get(30, TimeUnit.SECONDS);
                Console.info("Created Kafka topics " + missing);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("Cannot create Kafka topics " + topics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating Kafka topics");
        }
    }

    String mongoUri() {
        return mongoUri;
    }

    String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    boolean embeddedMongo() {
        return mongo != null;
    }

    boolean embeddedKafka() {
        return kafka != null;
    }

    /** Kafka first (services are already gone), then the store. */
    @Override
    public void close() {
        EmbeddedKafka k = kafka;
        if (k != null) {
            Console.info("Stopping the Kafka broker");
            kafka = null;
            k.close();
            Console.info("Kafka broker stopped");
        }
        EmbeddedMongo m = mongo;
        if (m != null) {
            Console.info("Stopping the MongoDB-compatible server");
            mongo = null;
            m.close();
            Console.info("MongoDB-compatible server stopped");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
