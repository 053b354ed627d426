package org.jiguan.platform.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (combined broker and controller) that keeps its log
 * in a directory, so topics and offsets survive a restart. For the local stack and tests only.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLUSTER_ID_FILE = "jiguan-cluster-id";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final String saslBootstrapServers;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers, String saslBootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
    }

    /** Starts a broker on {@code port} (0 = any free port) with its log in {@code dataDir}. */
    public static EmbeddedKafka start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * The same, with a second listener for clients that authenticate with SASL/PLAIN as one of {@code users}
     * (name to password), on {@link #saslBootstrapServers()}: how a secured cluster's clients are tried locally.
     */
    public static EmbeddedKafka start(Path dataDir, int port, Map<String, String> users) {
        try {
            Files.createDirectories(dataDir);
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Properties props = brokerProperties(dataDir, brokerPort, controllerPort);
            String sasl = null;
            if (!users.isEmpty()) {
                sasl = "127.0.0.1:" + freePort();
                addSaslPlainListener(props, sasl, users);
            }
            KafkaConfig config = new KafkaConfig(props, false);
            formatIfNew(dataDir, config);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            log.info("Embedded Kafka broker (KRaft) listening on {} with data in {}", bootstrap, dataDir);
            return new EmbeddedKafka(server, bootstrap, sasl);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start embedded Kafka in " + dataDir, e);
        }
    }

    private static Properties brokerProperties(Path dataDir, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        p.put("default.replication.factor", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", "1");
        return p;
    }

    private static void addSaslPlainListener(Properties p, String address, Map<String, String> users) {
        p.put("listeners", p.get("listeners") + ",SASL_PLAINTEXT://" + address);
        p.put("advertised.listeners", p.get("advertised.listeners") + ",SASL_PLAINTEXT://" + address);
        p.put("listener.security.protocol.map", p.get("listener.security.protocol.map")
                + ",SASL_PLAINTEXT:SASL_PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN");
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                .append('"'));
        p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
    }

    /** KRaft needs its log directory formatted once with a cluster id; a restart reuses it. */
    private static void formatIfNew(Path dataDir, KafkaConfig config) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(config.nodeId())
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .setDirectories(List.of(dataDir.toAbsolutePath().toString()))
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setUnstableFeatureVersionsEnabled(false)
                    .run();
            log.info("Formatted a new Kafka log directory in {}", dataDir);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + dataDir, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The SASL/PLAIN listener's address; null when the broker was started without users. */
    public String saslBootstrapServers() {
        return saslBootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("Embedded Kafka broker stopped");
    }
}
