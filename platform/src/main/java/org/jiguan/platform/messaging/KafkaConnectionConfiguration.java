package org.jiguan.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The one {@link KafkaConnection} every Kafka client of a service is opened with. */
@AutoConfiguration
public class KafkaConnectionConfiguration {
    private static final Logger log = LoggerFactory.getLogger(KafkaConnectionConfiguration.class);

    @Bean
    public KafkaConnection kafkaConnection(
            @Value("${jiguan.kafka.bootstrap-servers}") String bootstrap,
            @Value("${jiguan.kafka.security-protocol}") String securityProtocol,
            @Value("${jiguan.kafka.sasl-mechanism}") String saslMechanism,
            @Value("${jiguan.kafka.sasl-username}") String saslUsername,
            @Value("${jiguan.kafka.sasl-password}") String saslPassword,
            @Value("${jiguan.kafka.ssl-truststore-location}") String truststoreLocation,
            @Value("${jiguan.kafka.ssl-truststore-password}") String truststorePassword,
            @Value("${jiguan.kafka.ssl-truststore-type}") String truststoreType,
            @Value("${jiguan.kafka.ssl-keystore-location}") String keystoreLocation,
            @Value("${jiguan.kafka.ssl-keystore-password}") String keystorePassword,
            @Value("${jiguan.kafka.ssl-keystore-type}") String keystoreType) {
        KafkaConnection connection = KafkaConnection.of(bootstrap, new KafkaConnection.Settings(securityProtocol,
                saslMechanism, saslUsername, saslPassword, truststoreLocation, truststorePassword, truststoreType,
                keystoreLocation, keystorePassword, keystoreType));
        log.info("Kafka at {}", connection.describe());
        return connection;
    }
}
