package org.jiguan.deploy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.jiguan.platform.local.EmbeddedKafka;
import org.jiguan.platform.local.EmbeddedMongo;
import org.jiguan.platform.messaging.Topics;

/**
 * The MongoDB-compatible store and the Kafka broker the services use: the ones named by MONGODB_URI and
 * KAFKA_BOOTSTRAP_SERVERS when set, otherwise embedded ones started here with their data in the data directory.
 */
final class LocalInfrastructure implements AutoCloseable {
    static final int MONGO_PORT = 27018;
    static final int KAFKA_PORT = 9092;
    static final String MONGODB_URI = "MONGODB_URI";
    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";

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
     * Creates the services' topics on the embedded broker up front, as the permanent log the services expect
     * (platform {@code Topics}), so they can be consumed before the first event; topics left by an earlier version
     * are made permanent too. A configured Kafka is left as it is.
     */
    void createTopics(List<String> topics) {
        if (kafka == null || topics.isEmpty()) {
            return;
        }
        try {
            Topics.ensureOnOwnBroker(kafkaBootstrap, topics);
            Console.info("Kafka topics " + topics + " ready, with unlimited retention");
        } catch (ExecutionException e) {
            throw new StackException("Cannot create Kafka topics " + topics + ": " + e.getCause().getMessage(), e);
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
