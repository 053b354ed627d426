package org.jiguan.organ.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.BsonDocument;
import org.bson.Document;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.CpuUse;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.QueryShapes;
import org.jiguan.platform.testing.QuietJit;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The event log's cost, measured on the local stack (organ-service in this JVM over HTTP with a JWT, the local
 * MongoDB-compatible server, a real broker), each figure beside its baseline from the same run:
 * <ol>
 * <li>the plain driver's single-insert rate into the same server from 16 threads (the store's own ceiling);</li>
 * <li>16 clients sending ReportHeadcount to 1,000 independent organs: rate, share of the baseline, latency, and
 * how long after the last answer the last event is on Kafka; measured cold (the first such commands since the
 * service started, while the JIT compiles) and again warm, after rounds of the same load until the JIT is quiet
 * under it ({@link QuietJit#warmUnderLoad}), beside the driver's rate measured again just before;</li>
 * <li>the same after another 100,000 events were stored and published, beside the driver measured again: the rate
 * as a share of the warm run (flat cost);</li>
 * <li>CreateOrgan in one committee from 8 clients (each command reads and writes the committee), cold in one
 * committee, then warm (after rounds of it in new committees until the JIT is quiet) in another.</li>
 * </ol>
 * Beside each rate, the CPU this JVM spent per command (per insert for the driver), with the part of it the
 * benchmark's own clients spent ({@link CpuUse}): where the rates compare two things on the same cores, the CPU
 * says what each costs.
 * Run with {@code ./mvnw -pl organ-service -am verify -Pbenchmark -Dtest=EventLogBenchmark}
 * ({@code -Dbenchmark.commands=}, {@code -Dbenchmark.growth=} change the sizes).
 */
@Tag("benchmark")
@Import(QueryShapes.Recording.class)
class EventLogBenchmark extends OrganServiceTestBase {
    @Autowired
    QueryShapes queries;
    private static final int CLIENTS = 16;
    private static final int ORGANS = 1_000;
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(5);

    /** A stand-in event to grow the store without going through HTTP, as another service's events would. */
    record StoreFiller(String organId, int n) {
    }

    @Autowired
    EventStorageEngine eventLog;

    @Test
    void event_log_rates_against_the_plain_driver() throws Exception {
        int commands = Integer.getInteger("benchmark.commands", 4_000);
        int growth = Integer.getInteger("benchmark.growth", 100_000);
        Driver driver = plainDriver(Duration.ofSeconds(5));
        String committee = provincialCommittee(ORGANS + 10);
        List<String> organs = createOrgans(committee);

        // Each kind of command is measured cold, the first of its kind since the service started (the JIT still
        // compiling), then warm: after rounds of the same load until the JIT compiled for less than 5% of a round
        // (an idle wait is not enough: the compilers start again under load), beside the driver's rate measured again
        // then (its second run of five seconds; the first warms its path). The store's requests are recorded during
        // the cold run only: recording them costs the service's client CPU that the plain driver's run does not pay.
        queries.clear();
        Run cold = headcounts(organs, commands, "cold");
        printQueriesPerCommand(commands);
        queries.stop();
        QuietJit.warmUnderLoad("ReportHeadcount", WARM_UP_LIMIT,
                () -> headcounts(organs, commands, "warm-up").toString());
        Driver warmDriver = warmDriver();
        Run before = headcounts(organs, commands, "before");
        long grown = grow(growth);
        // The publisher then has the grown events to publish: measured once it has, so that the phase after growth
        // measures commands against a larger store, not commands beside a publisher catching up.
        System.out.printf("benchmark: the grown events were on Kafka %.1f s after the last was stored%n",
                lastEventOnKafka(organs.get(0), "grown-" + System.nanoTime()));
        QuietJit.awaitThisJvm();
        Driver grownDriver = warmDriver();
        Run after = headcounts(organs, commands, "after");
        Run createsCold = creates(provincialCommittee(2_000), 8, 1_200);
        QuietJit.warmUnderLoad("CreateOrgan", WARM_UP_LIMIT,
                () -> creates(provincialCommittee(2_000), 8, 1_200).toString());
        Driver createsDriver = warmDriver();
        Run creates = creates(provincialCommittee(2_000), 8, 1_200);

        System.out.printf("%n=== event log benchmark (2 cores, local store, real broker; %d stored events at the end) ===%n",
                grown);
        System.out.printf("plain driver, 16 threads, single inserts:   %8.0f /s  (baseline of the cold runs)%n",
                driver.rate());
        report("ReportHeadcount, 16 clients, cold", cold, driver);
        report("ReportHeadcount, 16 clients, warm", before, warmDriver);
        report("the same after +" + growth + " events", after, grownDriver);
        System.out.printf("flat: rate after growth / warm = %.0f%% (the driver's: %.0f%%)%n",
                100 * after.rate() / before.rate(), 100 * grownDriver.rate() / warmDriver.rate());
        report("CreateOrgan, 8 clients, cold", createsCold, driver);
        report("CreateOrgan, 8 clients, warm", creates, createsDriver);
        System.out.printf("(cold: the first %d ReportHeadcount since the service started, and the first %d CreateOrgan "
                + "measured, after the %d of the set-up; warm: the same once more after rounds of it until the JIT "
                + "was quiet, CreateOrgan in a new committee, each beside the driver measured just before it; the "
                + "store requests per command above were recorded in the cold run only; CPU: this JVM's, which runs "
                + "the service, the store, the broker and the clients, per command or per insert: on the same cores, "
                + "a rate of 25%% of the driver's leaves a command 4 times the driver's CPU per insert)%n",
                commands, 1_200, ORGANS);
        System.out.println();
    }

    /** What the store was asked per command, by the field asked by (reads and conditional writes, not inserts). */
    private void printQueriesPerCommand(int commands) {
        Map<String, Long> perKind = new java.util.TreeMap<>();
        for (String query : queries.recorded()) {
            String[] parts = query.split(" ", 3);
            BsonDocument filter = BsonDocument.parse(parts[2]);
            perKind.merge(parts[0] + " " + parts[1] + (filter.isEmpty() ? "" : " by " + filter.getFirstKey()), 1L,
                    Long::sum);
        }
        perKind.forEach((kind, n) -> System.out.printf("benchmark: %-40s %.2f per command%n", kind,
                (double) n / commands));
    }

    private static void report(String what, Run run, Driver driver) {
        System.out.printf("%-44s %8.0f /s  (%.0f%% of the driver's %.0f /s)  latency ms %s;  last event on Kafka "
                + "%.2f s after the last answer%n", what + ":", run.rate(), 100 * run.rate() / driver.rate(),
                driver.rate(), run.latency(), run.publishLagSeconds());
        System.out.printf("%-44s %s; the driver's CPU %.2f ms per insert (%.1f times)%n", "", run.cpu(),
                driver.cpu().total(), run.cpu().total() / driver.cpu().total());
    }

    /** The plain driver's single-insert rate and its CPU per insert (all of it: the driver is its own client). */
    record Driver(double rate, CpuUse.Spent cpu) {
    }

    record Run(double rate, String latency, double publishLagSeconds, CpuUse.Spent cpu) {
        @Override
        public String toString() {
            return String.format("%.0f /s, latency ms %s, %s", rate, latency, cpu);
        }
    }

    /** The plain driver's rate measured twice, five seconds each: the second, once its own path is compiled. */
    private Driver warmDriver() throws InterruptedException {
        plainDriver(Duration.ofSeconds(5));
        return plainDriver(Duration.ofSeconds(5));
    }

    private Driver plainDriver(Duration during) throws InterruptedException {
        try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase db = mongo.getDatabase("benchmark-baseline-" + System.nanoTime());
            // Named as the log's commits (in a database of its own), so the local store writes its file before
            // answering, as for a commit.
            MongoCollection<Document> docs = db.getCollection("event_commits");
            String payload = "x".repeat(600); // about the size of a stored ReportHeadcount commit
            AtomicLong inserted = new AtomicLong();
            long end = System.nanoTime() + during.toNanos();
            long started = System.nanoTime();
            CpuUse cpu = CpuUse.now();
            Latencies.inClients(CLIENTS, client -> {
                while (System.nanoTime() < end) {
                    docs.insertOne(new Document("_id", client + "-" + inserted.incrementAndGet())
                            .append("payload", payload));
                }
            });
            Driver driver = new Driver(inserted.get() / ((System.nanoTime() - started) / 1e9),
                    cpu.per(inserted.get()));
            db.drop();
            return driver;
        }
    }

    private List<String> createOrgans(String committee) throws InterruptedException {
        List<String> organs = new ArrayList<>();
        for (int i = 0; i < ORGANS; i++) {
            organs.add(committee + "-o" + i);
        }
        ApiClient admin = admin();
        Latencies.inClients(CLIENTS, client -> {
            for (int i = client; i < ORGANS; i += CLIENTS) {
                expectStatus(admin.post("/api/v1/organs", organBody(committee, organs.get(i), "FUNCTIONAL_DEPARTMENT")),
                        201);
            }
        });
        System.out.printf("benchmark: %d organs created%n", ORGANS);
        return organs;
    }

    /**
     * One caller per client, as each client stands for a system of its own: one caller for all would measure the
     * per-caller request budget (1,000 a second, CONTRACT.md "Rate limit") once the service is faster than it.
     */
    private List<ApiClient> callers(int clients) {
        return IntStream.range(0, clients)
                .mapToObj(n -> ApiClient.adminCalled(baseUrl(), "benchmark-client-" + n)).toList();
    }

    private Run headcounts(List<String> organs, int commands, String phase) throws Exception {
        List<ApiClient> callers = callers(CLIENTS);
        long[] latencies = new long[commands];
        String marker = phase + "-" + System.nanoTime();
        long started = System.nanoTime();
        CpuUse cpu = CpuUse.now();
        Latencies.inClients(CLIENTS, client -> {
            for (int i = client; i < commands; i += CLIENTS) {
                String organ = organs.get(i % organs.size());
                int n = i;
                latencies[i] = Latencies.timed(() -> expectStatus(callers.get(client).post("/api/v1/organs/" + organ
                        + "/headcount", Map.of("headcount", 1 + n % 19, "asOf", "2025-06-30")), 204));
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuUse.Spent spent = cpu.per(commands);
        double lag = lastEventOnKafka(organs.get((commands - 1) % organs.size()), marker);
        System.out.printf("benchmark: %s: %d commands in %.1f s, %s%n", phase, commands, seconds, spent);
        return new Run(commands / seconds, Latencies.summary(latencies), lag, spent);
    }

    private Run creates(String committee, int clients, int count) throws Exception {
        List<ApiClient> callers = callers(clients);
        long[] latencies = new long[count];
        long started = System.nanoTime();
        CpuUse cpu = CpuUse.now();
        Latencies.inClients(clients, client -> {
            for (int i = client; i < count; i += clients) {
                String organId = committee + "-c" + i;
                latencies[i] = Latencies.timed(() -> expectStatus(callers.get(client).post("/api/v1/organs",
                        organBody(committee, organId, "FUNCTIONAL_DEPARTMENT")), 201));
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        CpuUse.Spent spent = cpu.per(count);
        double lag = lastEventOnKafka(committee + "-c" + (count - 1), "create-" + System.nanoTime());
        return new Run(count / seconds, Latencies.summary(latencies), lag, spent);
    }

    /**
     * Seconds from the last answer until the last event is on the topic: a marker command is sent at once, and a
     * consumer positioned at the topic's end waits for it (it is published after everything answered before it).
     */
    private double lastEventOnKafka(String organ, String marker) {
        try (KafkaConsumer<String, String> tail = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafkaBootstrap(), "enable.auto.commit", false),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = tail.partitionsFor("organ-events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            tail.assign(partitions);
            tail.seekToEnd(partitions);
            partitions.forEach(tail::position);
            long answered = System.nanoTime();
            expectStatus(admin().post("/api/v1/organs/" + organ + "/duties",
                    Map.of("dutyCode", "bench-" + marker, "description", "benchmark marker")), 204);
            long deadline = answered + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : tail.poll(Duration.ofMillis(20))) {
                    if (organ.equals(r.key()) && r.value().contains("bench-" + marker)) {
                        return (System.nanoTime() - answered) / 1e9;
                    }
                }
            }
            throw new IllegalStateException("the marker never reached organ-events");
        }
    }

    /** Stores {@code events} more events, ten per commit, straight through the service's event log. */
    private long grow(int events) {
        long started = System.nanoTime();
        for (int i = 0; i < events; i += 10) {
            List<GenericDomainEventMessage<StoreFiller>> commit = new ArrayList<>();
            String aggregate = "filler-" + System.nanoTime() + "-" + i;
            for (int j = 0; j < 10; j++) {
                commit.add(new GenericDomainEventMessage<>("StoreFiller", aggregate, j, new StoreFiller(aggregate, j)));
            }
            eventLog.appendEvents(commit);
            if ((i + 10) % 20_000 == 0) {
                System.out.printf("benchmark: grew the store by %d events%n", i + 10);
            }
        }
        System.out.printf("benchmark: %d events stored in %.1f s%n", events, (System.nanoTime() - started) / 1e9);
        return events;
    }
}
