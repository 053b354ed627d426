package org.jiguan.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.QuietJit;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * From a command accepted by organ-service to its result readable through oversight-service's API, both running
 * from their jars as the local stack runs them (store, broker, publisher, consumer and read in between):
 * {@code CreateOrgan} at a steady 50 commands/s over ten committees for a minute; the oldest organs answered 201
 * and not yet seen are asked for at oversight until each is readable. Three such minutes in one run: the first right
 * after the services started, while their JIT compilers still take much of the two cores (a JFR recording of a
 * one-minute run showed compilations running all through it), then one right after on the warm services (their
 * compilers still took about a quarter of the machine), then, once the JIT compilers of all three JVMs were quiet
 * ({@link QuietJit}), a third, as the services run in production after their first minutes; then, as issue 8
 * reported it, a fourth right after four minutes of {@code ReportHeadcount} from 16 clients as fast as they are
 * answered (the peak rate); all are printed. Run with
 * {@code ./mvnw -pl deploy -am verify -Pbenchmark -Dtest=CommandToOversightBenchmark} ({@code -Dbenchmark.rate=},
 * {@code -Dbenchmark.seconds=}, {@code -Dbenchmark.peak-seconds=}).
 */
@Tag("benchmark")
class CommandToOversightBenchmark {
    private static final int COMMITTEES = 10;
    private static final int POLLERS = 4;
    private static final int PEAK_CLIENTS = 16;

    @Test
    void accepted_commands_become_visible_in_oversight() throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 50);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int peakSeconds = Integer.getInteger("benchmark.peak-seconds", 240);
        ServiceCatalog.Service organs = new ServiceCatalog.Service("organ-service", "工作机关",
                RunningServices.freePort(), "organ-events");
        ServiceCatalog.Service oversight = new ServiceCatalog.Service("oversight-service", "监督提醒",
                RunningServices.freePort(), "oversight-reminders");
        List<ServiceProcess> processes = RunningServices.startAll(List.of(organs, oversight));
        try {
            ApiClient commands = ApiClient.admin(organs.baseUrl());
            ApiClient reads = ApiClient.admin(oversight.baseUrl());
            String run = "vis" + System.nanoTime();
            String central = run + "-central";
            expect(commands.post("/api/v1/committees", Map.of("committeeId", central, "name", "党中央",
                    "level", "CENTRAL", "organQuota", 100)), 201);
            for (int c = 0; c < COMMITTEES; c++) {
                expect(commands.post("/api/v1/committees", Map.of("committeeId", run + "-c" + c, "name", "省委" + c,
                        "level", "PROVINCIAL", "parentCommitteeId", central, "organQuota", 2 * rate * seconds)), 201);
            }
            List<String> printed = new ArrayList<>();
            printed.addAll(phase("first minute after the services started (cold: their JIT compilers still busy)",
                    organs, commands, reads, run, central, 0, rate, seconds));
            printed.addAll(phase("the minute after (warm; the stored data twice as large)",
                    organs, commands, reads, run, central, rate * seconds, rate, seconds));
            QuietJit.await(Map.of("organ-service", QuietJit.ofService(organs.baseUrl()),
                    "oversight-service", QuietJit.ofService(oversight.baseUrl()),
                    "this JVM (store, broker, clients)", QuietJit.thisJvm()));
            printed.addAll(phase("a third minute once the three JVMs' JIT compilers were quiet (steady; the stored "
                    + "data three times as large)", organs, commands, reads, run, central, 2 * rate * seconds, rate,
                    seconds));
            printed.add(peak(organs.baseUrl(), run, 3 * rate * seconds, Duration.ofSeconds(peakSeconds)));
            printed.addAll(phase("the minute right after " + peakSeconds + " s at the peak rate (the case issue 8 "
                    + "reported: p50 99 ms, p99 6.6 s, worst 10 s)", organs, commands, reads, run, central,
                    3 * rate * seconds, rate, seconds));
            System.out.printf("%n=== accepted -> visible through oversight's API (organ-service and oversight-service "
                    + "from their jars, local store, real broker) ===%n");
            printed.forEach(System.out::println);
            System.out.println();
        } finally {
            RunningServices.stopAll(processes);
        }
    }

    /**
     * Sends {@code rate * seconds} CreateOrgan at a steady rate over the committees, organs numbered from
     * {@code from}, while the pollers look for each at oversight and a consumer notes when it reached the topic;
     * returns the lines to print.
     */
    private static List<String> phase(String name, ServiceCatalog.Service organs, ApiClient commands,
                                      ApiClient reads, String run, String central, int from, int rate, int seconds)
            throws InterruptedException {
        ConcurrentLinkedQueue<Long> visibleAfter = new ConcurrentLinkedQueue<>();
        Map<String, Long> pending = new ConcurrentHashMap<>();
        Map<String, Long> acceptedAtMillis = new ConcurrentHashMap<>();
        Map<String, Long> onTopicAtMillis = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        int total = rate * seconds;
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(8);
        AtomicInteger checks = new AtomicInteger();
        List<Thread> pollers = new ArrayList<>();
        for (int p = 0; p < POLLERS; p++) {
            int share = p;
            Thread poller = new Thread(() -> poll(reads, pending, share, visibleAfter, checks, sending),
                    "oversight-poller-" + p);
            poller.start();
            pollers.add(poller);
        }
        Thread topicWatcher = new Thread(() -> watchTopic(organs.topic(), onTopicAtMillis, sending),
                "topic-watcher");
        topicWatcher.start();
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            String committee = run + "-c" + (i % COMMITTEES);
            String organId = run + "-o" + (from + i);
            senders.schedule(() -> {
                if (commands.post("/api/v1/organs", organ(committee, central, organId)).status() == 201) {
                    acceptedAtMillis.put(organId, System.currentTimeMillis());
                    pending.put(organId, System.nanoTime());
                } else {
                    refused.incrementAndGet();
                }
            }, i * 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        }
        senders.shutdown();
        senders.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }
        sending.set(false);
        for (Thread poller : pollers) {
            poller.join();
        }
        topicWatcher.join();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] latencies = visibleAfter.stream().mapToLong(Long::longValue).toArray();
        long[] published = acceptedAtMillis.entrySet().stream().filter(a -> onTopicAtMillis.containsKey(a.getKey()))
                .mapToLong(a -> (onTopicAtMillis.get(a.getKey()) - a.getValue()) * 1_000_000L).toArray();
        return List.of("-- " + name,
                String.format("%d CreateOrgan over %d committees at %d/s for %d s (%.1f s in all), %d not accepted, "
                        + "%d never seen", latencies.length, COMMITTEES, rate, seconds, elapsed, refused.get(),
                        pending.size()),
                String.format("command accepted -> readable in oversight, ms: %s", Latencies.summary(latencies)),
                String.format("of which accepted -> sent to %s by the publisher (the record's timestamp), ms: %s",
                        organs.topic(), Latencies.summary(published)),
                String.format("(%d reads by %d pollers, %.0f reads/s: the pollers kept up when this is well above "
                        + "the command rate)", checks.get(), POLLERS, checks.get() / elapsed));
    }

    /**
     * Sixteen clients send {@code ReportHeadcount} as fast as they are answered to the first {@code organCount}
     * organs for {@code duration}, each event read by oversight like the others; the rate is printed every 30 s.
     * Each client is a caller of its own, as each stands for a system of its own (one caller for all would meet the
     * per-caller request budget, CONTRACT.md "Rate limit").
     */
    private static String peak(String baseUrl, String run, int organCount, Duration duration)
            throws InterruptedException {
        List<ApiClient> callers = IntStream.range(0, PEAK_CLIENTS)
                .mapToObj(n -> ApiClient.adminCalled(baseUrl, "peak-client-" + n)).toList();
        AtomicLong accepted = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        long started = System.nanoTime();
        long end = started + duration.toNanos();
        AtomicLong nextReport = new AtomicLong(started + TimeUnit.SECONDS.toNanos(30));
        Latencies.inClients(PEAK_CLIENTS, client -> {
            for (int i = client; System.nanoTime() < end; i += PEAK_CLIENTS) {
                String organ = run + "-o" + (i % organCount);
                if (callers.get(client).post("/api/v1/organs/" + organ + "/headcount",
                        Map.of("headcount", 1 + i % 10, "asOf", "2025-06-30")).status() == 204) {
                    accepted.incrementAndGet();
                } else {
                    refused.incrementAndGet();
                }
                long report = nextReport.get();
                if (System.nanoTime() > report && nextReport.compareAndSet(report, report
                        + TimeUnit.SECONDS.toNanos(30))) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("benchmark: peak: %d ReportHeadcount in %.0f s (%.0f/s)%n", accepted.get(),
                            seconds, accepted.get() / seconds);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("-- %.0f s at the peak rate: %d ReportHeadcount from %d clients to %d organs (%.0f/s), "
                + "%d not accepted", seconds, accepted.get(), PEAK_CLIENTS, organCount, accepted.get() / seconds,
                refused.get());
    }

    /**
     * Asks oversight for the oldest organs still pending of this poller's share (four at a time, then 2 ms of
     * rest, or 10 ms when none of them was readable yet), and records how long after its 201 each became readable:
     * the figure is late by at most one round and a rest. Resting 5 ms after every round, the pollers asked three
     * times for each organ when the service kept up (170 reads/s for 50 commands/s), a load of their own on the two
     * cores. Oversight reads each topic partition in
     * order, so the oldest pending are the next to appear; asking for all of them at once would load the service
     * being measured. Several pollers share the organs, so that reads keep up with the commands: a single one
     * fell behind the command rate, and the delay measured was then its own.
     */
    private static void poll(ApiClient reads, Map<String, Long> pending, int share,
                             ConcurrentLinkedQueue<Long> visibleAfter, AtomicInteger checks, AtomicBoolean sending) {
        while (sending.get()) {
            List<Map.Entry<String, Long>> oldest = pending.entrySet().stream()
                    .filter(organ -> Math.floorMod(organ.getKey().hashCode(), POLLERS) == share)
                    .sorted(Map.Entry.comparingByValue()).limit(4).toList();
            boolean found = false;
            for (Map.Entry<String, Long> organ : oldest) {
                checks.incrementAndGet();
                if (reads.get("/api/v1/organs/" + organ.getKey()).status() == 200
                        && pending.remove(organ.getKey()) != null) {
                    visibleAfter.add(System.nanoTime() - organ.getValue());
                    found = true;
                }
            }
            sleep(found ? 2 : 10);
        }
    }

    /**
     * Notes when each organ's {@code OrganCreated} was sent to the topic: the record's timestamp, which the
     * publisher's producer sets when it sends (the broker runs in this JVM, so the clocks are one).
     */
    private static void watchTopic(String topic, Map<String, Long> onTopicAtMillis, AtomicBoolean sending) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), topic)) {
            reader.readUntil(seen -> !sending.get(), Duration.ofHours(1)).stream()
                    .filter(record -> "jiguan.organ.OrganCreated".equals(record.header("ce_type")))
                    .forEach(record -> onTopicAtMillis.putIfAbsent(record.key(), record.timestamp()));
        }
    }

    private static Map<String, Object> organ(String committee, String central, String organId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organId", organId);
        body.put("committeeId", committee);
        body.put("name", "机关" + organId);
        body.put("kind", "FUNCTIONAL_DEPARTMENT");
        body.put("mode", "STANDALONE");
        body.put("establishedOn", "2024-03-01");
        body.put("staffingQuota", 10);
        body.put("leadershipQuota", 3);
        body.put("approval", Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", central, "documentNo", "编字〔2024〕1号", "approvedOn", "2024-02-20"));
        return body;
    }

    private static void expect(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
