package org.jiguan.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jiguan.platform.json.EventJson;
import org.jiguan.platform.local.EmbeddedKafka;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.tracing.Traces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Kafka client of a service opens with the cluster's security settings: the environment's settings become
 * the client properties Kafka expects, a missing one stops the service naming its variable, and against a real
 * broker that asks for SASL the platform's own clients get through with the right password and not without.
 */
class KafkaConnectionTest {
    private static final KafkaConnection.Settings NONE = settings("", "", "", "", "", "", "", "", "");

    @Test
    void plaintext_adds_nothing_but_the_servers() {
        KafkaConnection kafka = KafkaConnection.of("b:9092", NONE);
        assertThat(kafka.clientConfig(Map.of("client.id", "x")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("bootstrap.servers", "b:9092", "client.id", "x",
                        "security.protocol", "PLAINTEXT"));
        assertThat(kafka.describe()).isEqualTo("b:9092 (PLAINTEXT)");
    }

    @Test
    void sasl_ssl_with_scram_and_the_clusters_ca_as_strimzi_gives_them() {
        KafkaConnection kafka = KafkaConnection.of("jiguan-kafka-bootstrap:9093", settings("sasl_ssl",
                "SCRAM-SHA-512", "organ-service", "pa\"ss\\word", "/etc/kafka-ca/ca.p12", "ca-secret", "", "", ""));
        assertThat(kafka.clientConfig(Map.of())).containsAllEntriesOf(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"organ-service\" password=\"pa\\\"ss\\\\word\";",
                "ssl.truststore.location", "/etc/kafka-ca/ca.p12",
                "ssl.truststore.password", "ca-secret",
                "ssl.truststore.type", "PKCS12"));
        assertThat(kafka.describe()).doesNotContain("word").contains("SASL_SSL, SCRAM-SHA-512");
    }

    @Test
    void mutual_tls_takes_the_keystore() {
        KafkaConnection kafka = KafkaConnection.of("b:9093", settings("SSL", "", "", "", "/ca.p12", "", "",
                "/user.p12", "user-secret"));
        assertThat(kafka.clientConfig(Map.of())).containsAllEntriesOf(Map.of("security.protocol", "SSL",
                "ssl.keystore.location", "/user.p12", "ssl.keystore.password", "user-secret",
                "ssl.keystore.type", "PKCS12")).doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void a_missing_or_unknown_setting_stops_the_service_naming_the_variable() {
        assertThatThrownBy(() -> KafkaConnection.of("b:9093", settings("SASL_SSL", "SCRAM-SHA-512", "u", "", "", "",
                "", "", ""))).hasMessageContaining("KAFKA_SASL_PASSWORD");
        assertThatThrownBy(() -> KafkaConnection.of("b:9093", settings("SASL_SSL", "", "u", "p", "", "", "", "", "")))
                .hasMessageContaining("KAFKA_SASL_MECHANISM");
        assertThatThrownBy(() -> KafkaConnection.of("b:9093", settings("SASL_SSL", "GSSAPI", "u", "p", "", "", "", "",
                ""))).hasMessageContaining("GSSAPI");
        assertThatThrownBy(() -> KafkaConnection.of("b:9093", settings("TLS", "", "", "", "", "", "", "", "")))
                .hasMessageContaining("KAFKA_SECURITY_PROTOCOL");
        assertThatThrownBy(() -> KafkaConnection.of("b:9093", settings("SSL", "", "", "", "", "", "", "/k.p12", "")))
                .hasMessageContaining("KAFKA_SSL_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> KafkaConnection.of(" ", NONE)).hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void against_a_broker_that_asks_for_sasl_the_platforms_clients_need_the_right_password(@TempDir Path dir)
            throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir, 0,
                Map.of("oversight", "right-password"));
             MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            KafkaConnection right = KafkaConnection.of(broker.saslBootstrapServers(), settings("SASL_PLAINTEXT",
                    "PLAIN", "oversight", "right-password", "", "", "", "", ""));
            KafkaConnection wrong = KafkaConnection.of(broker.saslBootstrapServers(), settings("SASL_PLAINTEXT",
                    "PLAIN", "oversight", "wrong-password", "", "", "", "", ""));
            String topic = "secured-" + System.nanoTime() + "-events";
            MongoDatabase database = mongo.getDatabase("secured-" + System.nanoTime());
            List<String> applied = new CopyOnWriteArrayList<>();
            // The consumers create their topic through the admin client, then read it.
            EventConsumers consumers = new EventConsumers(List.of(new EventSubscription("probe", List.of(topic),
                    event -> applied.add(event.subject()))), right, database.getName(), Duration.ofSeconds(10),
                    new DeadLetters(database, EventJson.mapper(), Clock.systemUTC()), EventJson.mapper(), Traces.NONE);
            try {
                consumers.start();
                send(right, topic, "o-1");
                ChildService.waitUntil(() -> applied.contains("o-1"), Duration.ofSeconds(60));
                assertThat(new EventTopicsHealth(right, List.of(topic)).health().getStatus().getCode())
                        .isEqualTo("UP");
                assertThatThrownBy(() -> send(wrong, topic, "o-2")).hasRootCauseInstanceOf(
                        SaslAuthenticationException.class);
                assertThat(new EventTopicsHealth(wrong, List.of(topic)).health().getDetails().toString())
                        .contains("Authentication failed");
            } finally {
                consumers.stop();
                database.drop();
            }
        }
    }

    private static void send(KafkaConnection kafka, String topic, String subject) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientConfig(Map.of(
                "max.block.ms", 10_000, "delivery.timeout.ms", 20_000, "request.timeout.ms", 10_000)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, subject, "{}".getBytes(StandardCharsets.UTF_8),
                    List.of(header("ce_specversion", "1.0"), header("ce_id", subject + "-" + System.nanoTime()),
                            header("ce_source", "/test"), header("ce_type", "jiguan.probe.Happened"),
                            header("ce_time", "2026-01-01T00:00:00Z"), header("ce_subject", subject),
                            header("ce_sequence", "0"), header("content-type", "application/json"))))
                    .get(30, TimeUnit.SECONDS);
        }
    }

    private static org.apache.kafka.common.header.Header header(String key, String value) {
        return new org.apache.kafka.common.header.internals.RecordHeader(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaConnection.Settings settings(String protocol, String mechanism, String user, String password,
                                                     String truststore, String truststorePassword,
                                                     String truststoreType, String keystore, String keystorePassword) {
        return new KafkaConnection.Settings(protocol, mechanism, user, password, truststore, truststorePassword,
                truststoreType, keystore, keystorePassword, "");
    }
}
