package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.organ.TestRequests.created;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.pause;
import static org.jiguan.platform.testing.ChildService.waitUntil;
import static org.jiguan.platform.testing.TopicReader.ceIds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost: organ-service runs as its own process; while a client streams commands at it, the process is
 * killed with SIGKILL and started again. Every command that was answered 2xx must be stored exactly once and
 * reach Kafka; every stored event must reach Kafka; a record may repeat only with the same {@code ce_id}.
 */
class CrashRecoveryTest {
    private static final String DATABASE = "organ-crash-test";
    private ChildService service;

    @AfterEach
    void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void commands_answered_2xx_survive_sigkill_and_reach_kafka_once_in_effect() throws Exception {
        TestInfrastructure.start();
        int port = freePort();
        service = startService(port, 1);
        ApiClient admin = ApiClient.admin(service.baseUrl());

        String central = "crash-central-" + System.nanoTime();
        String committee = "crash-prov-" + System.nanoTime();
        TestRequests.registerCommittees(admin, central, committee, 10_000);
        String snapshotted = organWithASnapshot(admin, committee, central);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread client = new Thread(() -> {
            while (sending.get()) {
                String organId = committee + "-o" + sent.incrementAndGet();
                try {
                    ApiClient.Response r = admin.post("/api/v1/organs", TestRequests.createOrgan(committee, central, organId));
                    if (r.status() == 201) {
                        acknowledged.add(organId);
                    }
                } catch (RuntimeException connectionLost) {
                    // The service is down; such a command got no 2xx and may or may not be stored.
                    pause();
                }
            }
        }, "command-stream");
        client.start();
        waitUntil(() -> acknowledged.size() >= 40, Duration.ofSeconds(60));

        service.kill();
        int beforeCrash = acknowledged.size();
        service = startService(port, 2);
        waitUntil(() -> acknowledged.size() >= beforeCrash + 20, Duration.ofSeconds(120));
        sending.set(false);
        client.join();
        List<String> accepted = new ArrayList<>(acknowledged);

        {
            Map<String, Integer> createdPerOrgan = new HashMap<>();
            Set<String> storedIds = new HashSet<>();
            for (StoredEvent e : StoredEvents.all(DATABASE)) {
                String aggregate = e.aggregateId();
                if (aggregate.startsWith(committee + "-o") || aggregate.equals(committee)) {
                    storedIds.add(e.id());
                    if (e.is("OrganCreated")) {
                        createdPerOrgan.merge(aggregate, 1, Integer::sum);
                    }
                }
            }
            for (String organId : accepted) {
                assertThat(createdPerOrgan.get(organId)).as("OrganCreated stored for %s", organId).isEqualTo(1);
            }
            assertThat(StoredEvents.hasSnapshot(DATABASE, committee)).isTrue();
            assertThat(StoredEvents.hasSnapshot(DATABASE, snapshotted)).isTrue();

            List<Record> records;
            try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
                records = reader.readUntil(seen -> ceIds(seen, committee).containsAll(storedIds),
                        Duration.ofSeconds(90));
            }
            Set<String> published = ceIds(records, committee);
            assertThat(published).as("every stored event reached Kafka").containsAll(storedIds);
            assertThat(published).as("nothing reached Kafka that was not stored").isSubsetOf(storedIds);

            Map<String, String> idBySequence = new HashMap<>();
            for (Record r : records) {
                if (r.key().startsWith(committee)) {
                    String slot = r.key() + "#" + r.header("ce_sequence");
                    String previous = idBySequence.putIfAbsent(slot, r.header("ce_id"));
                    assertThat(previous == null || previous.equals(r.header("ce_id")))
                            .as("a repeated record of %s carries the same ce_id", slot).isTrue();
                }
            }
            assertCommitteeCountsEveryStoredOrgan(admin, committee, central, createdPerOrgan.size());
            assertOrganRestoredFromItsSnapshot(admin, committee, snapshotted);
            System.out.printf("crash test: %d commands sent, %d answered 201 (%d before SIGKILL), %d events stored, "
                    + "%d records on the topic%n", sent.get(), accepted.size(), beforeCrash, storedIds.size(),
                    records.stream().filter(r -> r.key().startsWith(committee)).count());
        }
    }

    /** An organ with more events than the snapshot threshold: three leaders, replaced, and an annual report. */
    private static String organWithASnapshot(ApiClient admin, String committee, String central) {
        String organId = committee + "-osnap";
        created(admin.post("/api/v1/organs", TestRequests.createOrgan(committee, central, organId)));
        String leaders = "/api/v1/organs/" + organId + "/leaders";
        for (String member : List.of("m1", "m2", "m3")) {
            created(admin.post(leaders, leader(member)));
        }
        for (String member : List.of("m1", "m2", "m3")) {
            assertThat(admin.post(leaders + "/" + member + "/removal", Map.of("on", "2025-01-01", "reason", "调任"))
                    .status()).isEqualTo(204);
        }
        for (String member : List.of("m4", "m5", "m6")) {
            created(admin.post(leaders, leader(member, "2025-01-01"))); // successors from the day the others left
        }
        created(admin.post("/api/v1/organs/" + organId + "/annual-reports", annualReport(committee)));
        return organId;
    }

    /** Loaded from its snapshot after the restart, the organ still knows its leaders and its reports. */
    private static void assertOrganRestoredFromItsSnapshot(ApiClient admin, String committee, String organId) {
        String leaders = "/api/v1/organs/" + organId + "/leaders";
        assertThat(admin.post(leaders, leader("m7")).code()).isEqualTo("R-LEAD-2");
        assertThat(admin.post("/api/v1/organs/" + organId + "/annual-reports", annualReport(committee)).code())
                .isEqualTo("R-SUP-1");
        assertThat(admin.post(leaders + "/m4/removal", Map.of("on", "2025-06-01", "reason", "退休")).status())
                .isEqualTo(204);
    }

    private static Map<String, Object> leader(String memberId) {
        return leader(memberId, "2024-04-01");
    }

    private static Map<String, Object> leader(String memberId, String since) {
        return Map.of("memberId", memberId, "name", "成员" + memberId, "role", "DEPUTY", "since", since);
    }

    /** Signed by a deputy the committee designated: the organ has no principal (R-DOC-1). */
    private static Map<String, Object> annualReport(String committee) {
        return Map.of("year", 2025, "filedOn", "2026-01-10", "documentNo", "文1号", "summary", "年度报告",
                "signedBy", "m4", "signingBasis", "DESIGNATED_BY_COMMITTEE", "signingMandate",
                Map.of("grantedBy", committee, "documentNo", "委〔2026〕1号", "grantedOn", "2026-01-02"));
    }

    /**
     * The restarted service rebuilt the committee from a snapshot plus later events: its quota count must be
     * exactly the organs stored, so a quota one below is refused (R-COM-2) and the exact count is accepted.
     */
    private static void assertCommitteeCountsEveryStoredOrgan(ApiClient admin, String committee, String central,
                                                              int organs) {
        Map<String, Object> approval = Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", central, "documentNo", "编字〔2026〕2号", "approvedOn", "2026-01-10");
        String path = "/api/v1/committees/" + committee + "/organ-quota";
        ApiClient.Response below = admin.post(path, Map.of("organQuota", organs - 1, "approval", approval));
        assertThat(below.code()).as(below.toString()).isEqualTo("R-COM-2");
        assertThat(admin.post(path, Map.of("organQuota", organs, "approval", approval)).status()).isEqualTo(204);
    }

    /** A low snapshot threshold so that, after the restart, the committee is loaded from a snapshot. */
    private static ChildService startService(int port, int run) throws Exception {
        return ChildService.start(OrganServiceApplication.class, "crash-test-service-" + run, port, TestInfrastructure.mongoUri(),
                DATABASE, TestInfrastructure.kafkaBootstrap(), "-Djiguan.snapshot-threshold=10");
    }
}
