package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Two instances of organ-service share one store and one broker, as behind a load balancer. Commands on the
 * same committee alternate between them: each instance's cached committee falls behind the other's writes,
 * the unique (aggregate, sequence) index refuses the stale write, and the command is retried on the stored
 * state, so every command is accepted and the quota still counts every organ. When the instance that publishes
 * is killed, the other claims the publisher's token and goes on: every stored event reaches Kafka.
 */
class TwoInstancesTest {
    private static final String DATABASE = "organ-two-instances-test";

    @Test
    void two_instances_share_commands_and_publishing() throws Exception {
        String central = "two-central-" + System.nanoTime();
        String committee = "two-prov-" + System.nanoTime();
        int organs = 20;
        Set<String> created = new HashSet<>();
        try (ChildService a = start("a"); ChildService b = start("b")) {
            ApiClient viaA = ApiClient.admin(a.baseUrl());
            ApiClient viaB = ApiClient.admin(b.baseUrl());
            TestRequests.registerCommittees(viaA, central, committee, organs);
            for (int i = 0; i < organs; i++) {
                String organId = committee + "-o" + i;
                expect((i % 2 == 0 ? viaA : viaB).post("/api/v1/organs",
                        TestRequests.createOrgan(committee, central, organId)), 201);
                created.add(organId);
            }
            ApiClient.Response beyondQuota = viaA.post("/api/v1/organs",
                    TestRequests.createOrgan(committee, central, committee + "-one-too-many"));
            assertThat(beyondQuota.code()).as(beyondQuota.toString()).isEqualTo("R-COM-2");

            a.kill();
            expect(viaB.post("/api/v1/committees/" + committee + "/organ-quota", Map.of("organQuota", organs + 1,
                    "approval", Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                            "approverCommitteeId", central, "documentNo", "编字〔2026〕5号",
                            "approvedOn", "2024-01-05"))), 204);
            String last = committee + "-after-a-died";
            expect(viaB.post("/api/v1/organs", TestRequests.createOrgan(committee, central, last)), 201);
            created.add(last);

            try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
                List<TopicReader.Record> records = reader.readUntil(seen -> organsOnTopic(seen).containsAll(created),
                        Duration.ofSeconds(90));
                assertThat(organsOnTopic(records)).containsAll(created);
            }
        }
    }

    private static ChildService start(String name) throws Exception {
        return ChildService.start(OrganServiceApplication.class, "two-instances-" + name, freePort(), TestInfrastructure.mongoUri(),
                DATABASE, TestInfrastructure.kafkaBootstrap());
    }

    private static Set<String> organsOnTopic(List<TopicReader.Record> records) {
        return records.stream().filter(r -> "jiguan.organ.OrganCreated".equals(r.header("ce_type")))
                .map(TopicReader.Record::key).collect(Collectors.toSet());
    }

    private static void expect(ApiClient.Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
    }
}
