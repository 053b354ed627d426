package org.jiguan.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The reading of "what a service reads" that the compose and Kubernetes checks rely on. */
class ServiceSettingsTest {
    private final ServiceSettings organ = ServiceSettings.named("organ-service");
    private final ServiceSettings meeting = ServiceSettings.named("meeting-service");
    private final ServiceSettings oversight = ServiceSettings.named("oversight-service");

    @Test
    void findsTheServiceModulesOfTheRootPom() {
        assertThat(ServiceSettings.all()).extracting(ServiceSettings::name)
                .containsExactlyInAnyOrder("organ-service", "meeting-service", "oversight-service");
    }

    @Test
    void placeholdersAndBoundPropertiesAreRead() {
        assertThat(organ.reads("MONGODB_URI")).isTrue();
        assertThat(organ.reads("JIGUAN_JWK_SET_URI")).isTrue();
        assertThat(organ.reads("PORT")).isTrue();
        assertThat(organ.reads("JIGUAN_EVENTS_PARTITIONS")).as("@ConfigurationProperties record component").isTrue();
        assertThat(organ.reads("JIGUAN_EVENT_STORE_GAP_TIMEOUT")).as("@Value").isTrue();
        assertThat(organ.reads("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED")).as("platform property").isTrue();
    }

    @Test
    void aVariableNoServiceReadsIsNotRead() {
        assertThat(organ.reads("JIGUAN_JWT_ISSUER")).isTrue();
        assertThat(organ.reads("JIGUAN_JWT_ISSUERS")).isFalse();
        assertThat(organ.reads("MONGO_URL")).isFalse();
        assertThat(organ.reads("JIGUAN_REMINDERS_INTERVAL")).as("oversight-service's alone").isFalse();
        assertThat(oversight.reads("JIGUAN_REMINDERS_INTERVAL")).isTrue();
    }

    @Test
    void theStoreAndTheBrokersAreRequired() {
        assertThat(organ.requiredEnvironment()).containsExactlyInAnyOrder("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS");
        assertThat(organ.variableOf("jiguan.security.jwk-set-uri")).isEqualTo("JIGUAN_JWK_SET_URI");
        assertThat(organ.variableOf("jiguan.security.jwt-secret")).isEqualTo("JIGUAN_JWT_SECRET");
    }

    @Test
    void resolvesPortsDatabasesAndTopicsAsSpringWould() {
        assertThat(organ.port(Map.of())).isEqualTo(8081);
        assertThat(organ.port(Map.of("PORT", "9000"))).isEqualTo(9000);
        assertThat(meeting.database(Map.of())).isEqualTo("meeting-service");
        assertThat(meeting.database(Map.of("MONGODB_DATABASE", "meetings"))).isEqualTo("meetings");
        assertThat(organ.topics(Map.of())).containsExactly("organ-events");
        assertThat(meeting.topics(Map.of())).containsExactlyInAnyOrder("meeting-events", "meeting-records", "organ-events");
        assertThat(oversight.topics(Map.of()))
                .containsExactlyInAnyOrder("oversight-reminders", "organ-events", "meeting-records");
        assertThat(oversight.topics(Map.of("JIGUAN_OVERSIGHT_ORGAN_TOPIC", "organs")))
                .contains("organs").doesNotContain("organ-events");
    }

    @Test
    void readsThePlatformsTopicSettings() {
        assertThat(Platform.permanentLog()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1")
                .containsKey("max.message.bytes");
        assertThat(Platform.defaultPartitions()).isPositive();
    }
}
