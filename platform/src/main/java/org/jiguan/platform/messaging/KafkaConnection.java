package org.jiguan.platform.messaging;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the services reach Kafka: the bootstrap servers and, on a secured cluster, the TLS and SASL settings that
 * every client the platform opens takes (the publisher's producer, the consumers, the admin client of the topic
 * checks, oversight's rebuild reader). Set by the environment (see {@code jiguan-platform.properties}):
 * <ul>
 *   <li>{@code KAFKA_SECURITY_PROTOCOL}: {@code PLAINTEXT} (default, the local stack), {@code SSL} (TLS; with a
 *       keystore also mutual TLS), {@code SASL_PLAINTEXT} or {@code SASL_SSL};</li>
 *   <li>for SASL: {@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512}, {@code SCRAM-SHA-256} or {@code PLAIN}),
 *       {@code KAFKA_SASL_USERNAME}, {@code KAFKA_SASL_PASSWORD};</li>
 *   <li>for TLS: {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, {@code _PASSWORD}, {@code _TYPE} (the cluster's CA; Strimzi's
 *       {@code <cluster>-cluster-ca-cert} secret holds {@code ca.p12} and {@code ca.password}) and, for mutual TLS,
 *       {@code KAFKA_SSL_KEYSTORE_LOCATION}, {@code _PASSWORD}, {@code _TYPE}.</li>
 * </ul>
 * A setting that a protocol needs and that is missing stops the service at start, naming the variable.
 */
public record KafkaConnection(String bootstrapServers, Map<String, Object> security) {
    private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
    private static final Map<String, String> LOGIN_MODULES = Map.of(
            "SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "SCRAM-SHA-256", "org.apache.kafka.common.security.scram.ScramLoginModule",
            "PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

    public KafkaConnection {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is not set");
        }
        security = Map.copyOf(security);
    }

    /** A cluster without TLS or SASL: the local stack and the tests. */
    public static KafkaConnection plaintext(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** The settings as the environment gives them (blank for unset); see the class comment. */
    public record Settings(String securityProtocol, String saslMechanism, String saslUsername, String saslPassword,
                           String truststoreLocation, String truststorePassword, String truststoreType,
                           String keystoreLocation, String keystorePassword, String keystoreType) {
    }

    public static KafkaConnection of(String bootstrapServers, Settings settings) {
        String protocol = blankToNull(settings.securityProtocol()) == null ? "PLAINTEXT"
                : settings.securityProtocol().trim().toUpperCase(Locale.ROOT);
        if (!PROTOCOLS.contains(protocol)) {
            throw new IllegalStateException("KAFKA_SECURITY_PROTOCOL " + settings.securityProtocol()
                    + " is none of " + PROTOCOLS);
        }
        Map<String, Object> security = new LinkedHashMap<>();
        security.put("security.protocol", protocol);
        if (protocol.startsWith("SASL_")) {
            String mechanism = required(settings.saslMechanism(), "KAFKA_SASL_MECHANISM").toUpperCase(Locale.ROOT);
            String module = LOGIN_MODULES.get(mechanism);
            if (module == null) {
                throw new IllegalStateException("KAFKA_SASL_MECHANISM " + mechanism + " is none of "
                        + LOGIN_MODULES.keySet());
            }
            security.put("sasl.mechanism", mechanism);
            security.put("sasl.jaas.config", module + " required username=\""
                    + jaasQuoted(required(settings.saslUsername(), "KAFKA_SASL_USERNAME")) + "\" password=\""
                    + jaasQuoted(required(settings.saslPassword(), "KAFKA_SASL_PASSWORD")) + "\";");
        }
        if (protocol.endsWith("SSL")) {
            if (blankToNull(settings.truststoreLocation()) != null) {
                security.put("ssl.truststore.location", settings.truststoreLocation());
                security.put("ssl.truststore.type", typeOr(settings.truststoreType()));
                if (blankToNull(settings.truststorePassword()) != null) {
                    security.put("ssl.truststore.password", settings.truststorePassword());
                }
            }
            if (blankToNull(settings.keystoreLocation()) != null) {
                security.put("ssl.keystore.location", settings.keystoreLocation());
                security.put("ssl.keystore.type", typeOr(settings.keystoreType()));
                security.put("ssl.keystore.password", required(settings.keystorePassword(),
                        "KAFKA_SSL_KEYSTORE_PASSWORD"));
            }
        }
        return new KafkaConnection(bootstrapServers, security);
    }

    /** A client's configuration: the connection's settings, then the client's own. */
    public Map<String, Object> clientConfig(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(security);
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(own);
        return config;
    }

    /** For logs: the protocol and mechanism, never a secret. */
    public String describe() {
        return bootstrapServers + " (" + security.getOrDefault("security.protocol", "PLAINTEXT")
                + (security.containsKey("sasl.mechanism") ? ", " + security.get("sasl.mechanism") : "") + ")";
    }

    private static String required(String value, String variable) {
        String given = blankToNull(value);
        if (given == null) {
            throw new IllegalStateException(variable + " is needed for the Kafka security protocol chosen");
        }
        return given;
    }

    private static String typeOr(String type) {
        return blankToNull(type) == null ? "PKCS12" : type.trim();
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
