package org.jiguan.organ.messaging;

import static org.jiguan.platform.testing.Latencies.median;
import static org.jiguan.platform.testing.Latencies.timed;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A simple command loop: one client sends CreateOrgan then AppointLeader for N organs over HTTP, one at a time,
 * and measures each command's latency (until its events are stored) and the loop's throughput; then how long
 * until every event is on the {@code organ-events} topic. Not part of the normal build; run with
 * {@code ./mvnw -pl organ-service -am verify -Pbenchmark} (N via {@code -Dbenchmark.organs=}, concurrent
 * clients via {@code -Dbenchmark.clients=}; all organs are in one committee, whose quota check serializes
 * CreateOrgan, while AppointLeader runs per organ).
 */
@Tag("benchmark")
class CommandLoopBenchmark extends OrganServiceTestBase {

    @Test
    void command_latency_and_throughput() throws InterruptedException {
        int organs = Integer.getInteger("benchmark.organs", 500);
        String committee = provincialCommittee(organs + 30); // room for the warm-up too
        ApiClient admin = admin();
        warmUp(admin, committee);

        int clients = Integer.getInteger("benchmark.clients", 1);
        long[] latencies = new long[organs * 2];
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        Latencies.inClients(clients, client -> {
            for (int i = client; i < organs; i += clients) {
                String organId = committee + "-b" + i;
                int member = i;
                latencies[2 * i] = timed(() -> expectStatus(admin.post("/api/v1/organs",
                        organBody(committee, organId, "FUNCTIONAL_DEPARTMENT")), 201));
                latencies[2 * i + 1] = timed(() -> expectStatus(admin.post("/api/v1/organs/" + organId
                        + "/leaders", Map.of("memberId", "m" + member, "name", "领导" + member,
                        "role", "PRINCIPAL", "since", "2024-04-01")), 201));
                if (done.incrementAndGet() % 100 == 0) {
                    System.out.printf("benchmark: %d/%d organs%n", done.get(), organs);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long publishStarted = System.nanoTime();
        String ours = committee + "-b";
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
            reader.readUntil(seen -> seen.stream().filter(r -> r.key().startsWith(ours)
                    && r.header("ce_type").endsWith("LeaderAppointed")).count() >= organs, Duration.ofMinutes(5));
        }
        double drainSeconds = (System.nanoTime() - publishStarted) / 1e9;

        // The local store scans instead of using indexes: show whether latency grows with the store.
        int tenth = latencies.length / 10;
        double firstTenth = median(Arrays.copyOfRange(latencies, 0, tenth));
        double lastTenth = median(Arrays.copyOfRange(latencies, latencies.length - tenth, latencies.length));
        String summary = Latencies.summary(latencies);
        System.out.printf("%n=== organ-service command loop: %d commands (%d organs x CreateOrgan+AppointLeader), "
                        + "%d client(s), each sequential ===%n", latencies.length, organs, clients);
        System.out.printf("throughput: %.1f commands/s%n", latencies.length / seconds);
        System.out.printf("latency ms: %s%n", summary);
        System.out.printf("median latency of the first tenth %.1f ms, of the last tenth %.1f ms%n", firstTenth,
                lastTenth);
        System.out.printf("Kafka: last event on the topic %.2f s after the last command was answered%n%n",
                drainSeconds);
    }

    private void warmUp(ApiClient admin, String committee) {
        for (int i = 0; i < 20; i++) {
            expectStatus(admin.post("/api/v1/organs", organBody(committee, committee + "-w" + i,
                    "FUNCTIONAL_DEPARTMENT")), 201);
        }
    }
}
