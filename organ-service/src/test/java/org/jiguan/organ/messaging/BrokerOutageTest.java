package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.organ.TestRequests.created;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.local.EmbeddedKafka;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands do not depend on Kafka: while the broker is down they are still accepted and stored, the service's
 * health shows the publisher DEGRADED (still answering 200), and once the broker is back the publisher, which
 * retried instead of skipping, delivers every event and is UP again.
 */
class BrokerOutageTest {

    @Test
    void commands_accepted_while_kafka_is_down_are_published_when_it_returns(@TempDir Path kafkaData) throws Exception {
        int kafkaPort = freePort();
        EmbeddedKafka kafka = EmbeddedKafka.start(kafkaData, kafkaPort);
        try (ChildService service = ChildService.start(OrganServiceApplication.class, "outage-test-service", freePort(),
                TestInfrastructure.mongoUri(), "organ-outage-test", kafka.bootstrapServers())) {
            ApiClient admin = ApiClient.admin(service.baseUrl());
            String central = "outage-central-" + System.nanoTime();
            String committee = "outage-prov-" + System.nanoTime();
            TestRequests.registerCommittees(admin, central, committee, 100);
            for (int i = 0; i < 3; i++) {
                created(admin.post("/api/v1/organs", TestRequests.createOrgan(committee, central, committee + "-before-" + i)));
            }

            kafka.close();
            for (int i = 0; i < 3; i++) {
                created(admin.post("/api/v1/organs", TestRequests.createOrgan(committee, central, committee + "-during-" + i)));
            }
            // Once the producer gives up on the records (delivery timeout), the publisher retries: DEGRADED, not DOWN.
            ApiClient probe = ApiClient.anonymous(service.baseUrl());
            waitUntil(() -> "DEGRADED".equals(publisherStatus(probe)), Duration.ofSeconds(90));
            assertThat(probe.get("/actuator/health").status()).isEqualTo(200);

            kafka = EmbeddedKafka.start(kafkaData, kafkaPort);
            Set<String> expected = Set.of("before-0", "before-1", "before-2", "during-0", "during-1", "during-2")
                    .stream().map(suffix -> committee + "-" + suffix).collect(Collectors.toSet());
            try (TopicReader reader = new TopicReader(kafka.bootstrapServers(), "organ-events")) {
                List<TopicReader.Record> records = reader.readUntil(
                        seen -> organsCreated(seen).containsAll(expected), Duration.ofSeconds(120));
                assertThat(organsCreated(records)).containsAll(expected);
            }
            waitUntil(() -> "UP".equals(publisherStatus(probe)), Duration.ofSeconds(60));
        } finally {
            kafka.close();
        }
    }

    private static String publisherStatus(ApiClient probe) {
        return probe.get("/actuator/health").body().at("/components/kafkaPublisher/status").asText();
    }

    private static Set<String> organsCreated(List<TopicReader.Record> records) {
        return records.stream().filter(r -> "jiguan.organ.OrganCreated".equals(r.header("ce_type")))
                .map(TopicReader.Record::key).collect(Collectors.toSet());
    }
}
