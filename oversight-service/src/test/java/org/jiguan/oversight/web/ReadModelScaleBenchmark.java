package org.jiguan.oversight.web;

import org.jiguan.platform.time.BusinessCalendar;

import static org.jiguan.platform.testing.Latencies.timed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.messaging.ReadModelStore;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.QuietJit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's performance targets for the read models, on the whole service (its HTTP API, its consumers, the local
 * store): 10,000 organs (each with a principal, its quota slot, and a report filed for one in three) in one
 * committee; 4 concurrent readers of the committee dashboard, a page of organs and the annual-report list, p50 and
 * p99 (target p99 ≤ 100 ms); the same after 10× the events (each organ 9 more: 3 headcount reports and 2 yearly
 * filings, which the lists read, and 4 duties, which they do not; target the same p99 ±20%); then a rebuild from the
 * topics in events/s (target ≥ 10,000/s). Each query is read once, timed and printed (the first read of the phase,
 * which computes its answer), then {@value #WARM_UP} times, then as many concurrent reads as are measured,
 * unmeasured; the queries are measured once this JVM's JIT is quiet, so that every phase is measured in the same
 * state of the JIT, in {@value #ROUNDS} rounds whose median p99 is the figure compared across phases. A measured read
 * receives the whole answer but does not parse it: the readers run on the same two cores as the service, and parsing
 * the 2 MB annual-report list four times over took CPU from the service being measured. Beside each, a baseline
 * measured in the same run: the plain driver reading the same documents by {@code _id}. Run with
 * {@code ./mvnw -pl oversight-service -am verify -Pbenchmark -Dtest=ReadModelScaleBenchmark}
 * ({@code -Dbenchmark.organs=}, {@code -Dbenchmark.requests=} per reader and query).
 */
@Tag("benchmark")
class ReadModelScaleBenchmark extends OversightServiceTestBase {
    private static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);
    private static final int ORGANS = Integer.getInteger("benchmark.organs", 10_000);
    /** Requests per reader of a new {@code asOf} each time. */
    private static final int REQUESTS = Integer.getInteger("benchmark.requests", 50);
    /** Requests per reader in a measured round of a query: 600 in all, so that a p99 is not the fate of two requests. */
    private static final int MEASURED = Integer.getInteger("benchmark.measured", 150);
    /** Measured rounds of each query in a phase. */
    private static final int ROUNDS = 3;
    private static final int READERS = 4;
    /** Reads of each query before it is measured, unmeasured, after a first read that is timed and printed. */
    private static final int WARM_UP = 5;
    /** The year the dashboard and the annual-report list show by default: the one before today's. */
    private static final int REPORT_YEAR = BusinessCalendar.today(java.time.Clock.systemUTC()).getYear() - 1;

    @Autowired
    MongoDatabase serviceDatabase;

    @Autowired
    Histories histories;

    @Test
    void reads_at_ten_thousand_organs_before_and_after_ten_times_the_events_and_the_rebuild() throws Exception {
        String committee = uniqueId("scale");
        List<String> out = new Printed();
        FEED.awaitAcks(false);
        long loadStarted = System.nanoTime();
        FEED.committeeRegistered(committee, ORGANS * 2);
        for (int i = 0; i < ORGANS; i++) {
            String organ = committee + "-" + i;
            FEED.slotTaken(committee, organ, ESTABLISHED);
            FEED.organCreated(committee, organ, "机关" + i, ESTABLISHED);
            FEED.leaderAppointed(organ, organ + "-p", "PRINCIPAL", ESTABLISHED);
            if (i % 3 == 0) {
                FEED.annualReportFiled(organ, REPORT_YEAR, LocalDate.of(REPORT_YEAR + 1, 1, 10), false);
            }
        }
        FEED.flush();
        long events = 1 + 3L * ORGANS + (ORGANS + 2) / 3;
        awaitLast(committee + "-" + (ORGANS - 1), (ORGANS - 1) % 3 == 0 ? 3 : 2);
        awaitGet("/api/v1/committees/" + committee + "/dashboard", Duration.ofMinutes(10),
                r -> r.status() == 200 && r.body().path("organs").path("active").asInt() == ORGANS
                        && r.body().path("leadership").path("filled").asInt() == ORGANS
                        && r.body().path("annualReports").path("byStatus").path("FILED").asInt() == (ORGANS + 2) / 3);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        out.add(String.format("load: %d events (%d organs) sent and applied, all readable after %.1f s: %.0f events/s",
                events, ORGANS, loadSeconds, events / loadSeconds));

        out.addAll(measure("10,000 organs, " + events + " events", committee));

        FEED.awaitAcks(false);
        long growthStarted = System.nanoTime();
        for (int i = 0; i < ORGANS; i++) {
            String organ = committee + "-" + i;
            for (int d = 0; d < 4; d++) {
                FEED.dutyAssigned(organ, "D" + d, "职责" + d);
            }
            for (int h = 0; h < 3; h++) {
                FEED.headcountReported(organ, 20 + h, ESTABLISHED.plusMonths(h + 1));
            }
            FEED.yearlyFilingFiled("IntegrityStatementFiled", organ, organ + "-p", REPORT_YEAR,
                    LocalDate.of(REPORT_YEAR + 1, 1, 5));
            FEED.yearlyFilingFiled("PersonalMattersReportFiled", organ, organ + "-p", REPORT_YEAR,
                    LocalDate.of(REPORT_YEAR + 1, 1, 6));
        }
        FEED.flush();
        long grown = 9L * ORGANS;
        awaitLast(committee + "-" + (ORGANS - 1), ((ORGANS - 1) % 3 == 0 ? 3 : 2) + 9);
        awaitGet("/api/v1/committees/" + committee + "/dashboard", Duration.ofMinutes(20),
                r -> r.status() == 200 && r.body().path("staffing").path("organsReporting").asInt() == ORGANS
                        && r.body().path("leaderFilings").path("personalMattersReportsMissing").asInt() == 0);
        double growthSeconds = (System.nanoTime() - growthStarted) / 1e9;
        out.add(String.format("growth: %d more events applied after %.1f s: %.0f events/s", grown, growthSeconds,
                grown / growthSeconds));
        out.addAll(measure("10,000 organs, " + (events + grown) + " events (10x)", committee));
        FEED.awaitAcks(true);

        expectStatus(admin().post("/api/v1/admin/rebuild", "{}"), 202);
        JsonNode rebuilt = awaitGet("/api/v1/admin/rebuild", Duration.ofMinutes(30),
                r -> r.body().path("state").asText().matches("DONE|FAILED")).body();
        out.add(String.format("rebuild (histories and read models, every event on the topics): %s, %d events read "
                        + "(%d applied) in %s: %.0f events/s", rebuilt.path("state").asText(), rebuilt.path("read").asLong(),
                rebuilt.path("applied").asLong(), Duration.between(
                        java.time.Instant.parse(rebuilt.path("startedAt").asText()),
                        java.time.Instant.parse(rebuilt.path("finishedAt").asText())),
                rebuilt.path("eventsPerSecond").asDouble()));
        out.addAll(measure("after the rebuild (new generation, read afresh)", committee));

        System.out.printf("%n=== oversight-service read models at scale (%d readers), all together ===%n", READERS);
        out.forEach(System.out::println);
        System.out.println();
    }

    /**
     * Issue 12's roll-up target: a province with 10 city committees of 1,000 organs each (each organ with a principal,
     * one in three with its report filed); 4 readers ask for the province's dashboard with {@code rollUp=true} (target
     * p99 ≤ 150 ms), beside the plain dashboard of one city in the same run.
     */
    @Test
    void roll_up_of_a_province_with_ten_committees_of_a_thousand_organs() throws Exception {
        String province = uniqueId("rollprov");
        int cities = 10;
        int perCity = ORGANS / cities;
        List<String> out = new Printed();
        FEED.awaitAcks(false);
        FEED.committeeRegistered(province, "某省委", "PROVINCIAL", "central", 40);
        for (int c = 0; c < cities; c++) {
            String city = province + "-city" + c;
            FEED.committeeRegistered(city, "市委" + c, "MUNICIPAL", province, perCity * 2);
            for (int i = 0; i < perCity; i++) {
                String organ = city + "-" + i;
                FEED.slotTaken(city, organ, ESTABLISHED);
                FEED.organCreated(city, organ, "机关" + i, ESTABLISHED);
                FEED.leaderAppointed(organ, organ + "-p", "PRINCIPAL", ESTABLISHED);
                if (i % 3 == 0) {
                    FEED.annualReportFiled(organ, REPORT_YEAR, LocalDate.of(REPORT_YEAR + 1, 1, 10), false);
                }
            }
        }
        FEED.flush();
        FEED.awaitAcks(true);
        String rollUp = "/api/v1/committees/" + province + "/dashboard?rollUp=true";
        awaitGet(rollUp, Duration.ofMinutes(10), r -> r.status() == 200
                && r.body().path("organs").path("active").asInt() == cities * perCity
                && r.body().path("leadership").path("filled").asInt() == cities * perCity);
        long first = timed(() -> expectStatus(admin().get(rollUp), 200));
        for (int i = 0; i < WARM_UP; i++) {
            expectStatus(admin().get(rollUp), 200);
        }
        out.add(String.format("roll-up: first read once all was readable %.0f ms, then %d unmeasured (warm-up)",
                first / 1e6, WARM_UP));
        out.add(String.format("roll-up of %d committees of %d organs: %s", cities, perCity, concurrently(rollUp, MEASURED)));
        String oneCity = "/api/v1/committees/" + province + "-city0/dashboard";
        out.add(String.format("beside it, one committee of %d organs: %s", perCity, concurrently(oneCity, MEASURED)));
        System.out.printf("%n=== oversight-service roll-up (%d readers) ===%n", READERS);
        out.forEach(System.out::println);
        System.out.println();
    }

    /** Each line printed as it comes, as well as at the end. */
    private static final class Printed extends ArrayList<String> {
        @Override
        public boolean add(String line) {
            System.out.println("[benchmark] " + line);
            return super.add(line);
        }

        @Override
        public boolean addAll(java.util.Collection<? extends String> lines) {
            lines.forEach(this::add);
            return !lines.isEmpty();
        }
    }

    /** p50/p99 of each query under {@link #READERS} concurrent readers, and the plain driver's baselines. */
    private List<String> measure(String phase, String committee) throws InterruptedException {
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        queries.put("dashboard", "/api/v1/committees/" + committee + "/dashboard");
        queries.put("organs page", "/api/v1/organs?committeeId=" + committee + "&page=7&size=20");
        queries.put("annual reports", "/api/v1/annual-reports?committeeId=" + committee);
        List<String> lines = new ArrayList<>();
        lines.add("-- " + phase);
        List<String> firstReads = new ArrayList<>();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            AtomicInteger bytes = new AtomicInteger();
            long first = timed(() -> bytes.set(expectStatus(admin().get(query.getValue()), 200).raw()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            firstReads.add(String.format("%s %.0f ms (%,d bytes)", query.getKey(), first / 1e6, bytes.get()));
            for (int i = 0; i < WARM_UP; i++) {
                expectStatus(admin().get(query.getValue()), 200);
            }
            concurrently(query.getValue(), MEASURED); // warm-up: the same reads as measured, unmeasured
        }
        // Each phase is measured in the same state of the JIT (quiet, after the same warm-up), so that a difference
        // between phases is one of the data, not of how far this JVM had compiled the reads by then.
        QuietJit.awaitThisJvm();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            lines.add(String.format("%-15s %s", query.getKey(), inRounds(query.getValue())));
        }
        AtomicInteger day = new AtomicInteger();
        lines.add(String.format("%-15s %s", "dashboard, a new asOf each request (nothing folded before)",
                concurrently(n -> "/api/v1/committees/" + committee + "/dashboard?asOf="
                        + LocalDate.of(2025, 6, 1).plusDays(day.incrementAndGet()), REQUESTS)));
        lines.add("first read of each query in the phase, before " + WARM_UP + " unmeasured reads of it (warm-up): "
                + String.join(", ", firstReads));
        lines.add(baseline(committee));
        return lines;
    }

    /**
     * {@value #ROUNDS} rounds of {@link #MEASURED} requests per reader: all of them together, and the median of the
     * rounds' p99s, which one collection pause in one round does not move (the figure compared across phases).
     */
    private String inRounds(String path) throws InterruptedException {
        List<long[]> rounds = new ArrayList<>();
        double seconds = 0;
        for (int r = 0; r < ROUNDS; r++) {
            long started = System.nanoTime();
            rounds.add(latencies(n -> path, MEASURED));
            seconds += (System.nanoTime() - started) / 1e9;
        }
        double[] p99s = rounds.stream().mapToDouble(round -> {
            Arrays.sort(round);
            return Latencies.ms(round, 0.99);
        }).toArray();
        long[] all = rounds.stream().flatMapToLong(Arrays::stream).toArray();
        String eachRound = Arrays.stream(p99s).mapToObj(p99 -> String.format("%.1f", p99))
                .collect(java.util.stream.Collectors.joining(" / "));
        Arrays.sort(p99s);
        return String.format("%s ms, %.0f requests/s; p99 of each round of %d: %s ms, median %.1f ms",
                Latencies.summary(all), all.length / seconds, READERS * MEASURED, eachRound, p99s[ROUNDS / 2]);
    }

    private String concurrently(String path, int requests) throws InterruptedException {
        return concurrently(n -> path, requests);
    }

    private String concurrently(java.util.function.IntFunction<String> path, int requests) throws InterruptedException {
        long started = System.nanoTime();
        long[] all = latencies(path, requests);
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format("%s ms, %.0f requests/s", Latencies.summary(all), all.length / seconds);
    }

    /** The latencies of {@code requests} reads by each of {@link #READERS} concurrent readers. */
    private long[] latencies(java.util.function.IntFunction<String> path, int requests) throws InterruptedException {
        long[][] latencies = new long[READERS][requests];
        Latencies.inClients(READERS, c -> {
            ApiClient client = admin();
            for (int i = 0; i < requests; i++) {
                String p = path.apply(i);
                latencies[c][i] = timed(() -> {
                    int status = client.getStatus(p); // the whole answer received, not parsed (see getStatus)
                    if (status != 200) {
                        throw new AssertionError(p + " answered " + status);
                    }
                });
            }
        });
        return Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
    }

    /**
     * The plain driver, same store, same run: the committee's counters document by {@code _id} (what an unchanged
     * committee's read costs the store), and every organ row of the committee by {@code _id $in} (what a read of it
     * afresh costs).
     */
    private String baseline(String committee) {
        String suffix = histories.liveSuffix();
        MongoCollection<Document> members = serviceDatabase.getCollection("read_members" + suffix);
        MongoCollection<Document> rows = serviceDatabase.getCollection(ReadModelStore.collectionName(
                AggregateKind.ORGAN, suffix));
        long[] lookups = new long[200];
        for (int i = 0; i < lookups.length; i++) {
            lookups[i] = timed(() -> members.find(Filters.eq("_id", committee)).first());
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ORGANS; i++) {
            ids.add(committee + "-" + i);
        }
        long[] whole = new long[5];
        Map<String, Integer> sizes = new ConcurrentHashMap<>();
        for (int i = 0; i < whole.length; i++) {
            whole[i] = timed(() -> rows.find(Filters.in("_id", ids)).forEach(d -> sizes.merge("n", 1, Integer::sum)));
        }
        return String.format("baseline, plain driver: the counters by _id %s ms; the %d organ rows by _id $in %s ms",
                Latencies.summary(lookups), sizes.get("n") / whole.length, Latencies.summary(whole));
    }

    /** Waits, by key (the organ's history), until the last organ loaded holds its events: then all the others do. */
    private void awaitLast(String organ, int events) {
        awaitGet("/api/v1/organs/" + organ + "/history?size=1", Duration.ofMinutes(30),
                r -> r.status() == 200 && r.body().path("total").asInt() >= events);
    }

    private ApiClient.Response awaitGet(String path, Duration timeout, java.util.function.Predicate<ApiClient.Response> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ApiClient.Response last;
        do {
            last = admin().get(path);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("gave up waiting on " + path + "; last answer " + last);
    }
}
