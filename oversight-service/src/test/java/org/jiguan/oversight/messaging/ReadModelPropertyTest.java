package org.jiguan.oversight.messaging;

import org.jiguan.platform.time.BusinessCalendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.CommitteeRows;
import org.jiguan.oversight.domain.views.DatedHistory;
import org.jiguan.oversight.domain.views.ReadSource;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.oversight.web.OversightReads;
import org.jiguan.platform.local.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The read models answer every list query as the folds of whole histories do (issue 12, part 1): random event
 * streams ({@link RandomHistories}) are fed to a generation (histories and read models, on the local store through
 * the real driver) in random batches, out of order now and then, with repeats and an event that never comes (a gap
 * for good); then every list query and the dashboard are asked, for several {@code asOf} days and {@code knownAt}
 * instants, once from the read models and once from the folds of the histories, and must answer the same. Reads are
 * also made while the events arrive, so the read models' cache of parsed rows is read stale and must follow.
 */
class ReadModelPropertyTest {
    private static final int SEEDS = Integer.getInteger("readmodels.seeds", 20);
    private static final LocalDate[] DAYS = {LocalDate.of(2022, 6, 30), LocalDate.of(2023, 12, 31),
            LocalDate.of(2024, 2, 15), LocalDate.of(2025, 3, 1), LocalDate.of(2026, 7, 1)};
    @TempDir
    static Path storeFiles;
    private static EmbeddedMongo server;
    private static MongoClient client;
    private static MongoDatabase database;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedMongo.start(storeFiles, 0);
        client = MongoClients.create(server.uri());
        database = client.getDatabase("read-model-property-test");
        admin();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @AfterEach
    void forgetCaller() {
        admin();
    }

    @Test
    void the_read_models_answer_every_list_query_as_the_folds_of_whole_histories() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            check(seed);
        }
    }

    private void check(long seed) {
        Random random = new Random(seed * 7919);
        RandomHistories generated = new RandomHistories(seed);
        HistoryStore histories = new HistoryStore(database, RandomHistories.JSON, "_p" + seed);
        ReadModelStore readModels = new ReadModelStore(database, RandomHistories.JSON, "_p" + seed, 1_000);
        Histories.Generation generation = new Histories.Generation(histories, readModels);
        OversightReads fromRows = reads(histories, () -> readModels);

        List<HistoryStore.Append> delivery = delivery(generated, random);
        for (int i = 0; i < delivery.size(); ) {
            int size = 1 + random.nextInt(random.nextBoolean() ? 4 : 60);
            generation.appendAll(delivery.subList(i, Math.min(delivery.size(), i + size)));
            i += size;
            if (random.nextInt(5) == 0) { // read meanwhile: the cache must follow what comes after
                answer(r -> r.dashboard(generated.committees.get(0), null, TimeSlice.asOf(DAYS[4])), fromRows);
                answer(r -> r.organs(null, null, null, TimeSlice.asOf(DAYS[3]), 0, 1000), fromRows);
            }
        }

        Folded folded = Folded.of(histories, generated);
        OversightReads fromHistories = reads(histories, () -> folded);
        ReadModelStore afresh = new ReadModelStore(database, RandomHistories.JSON, "_p" + seed, 1_000);
        OversightReads fromFreshRows = reads(histories, () -> afresh);
        Instant middle = RandomHistories.START.plusMillis(
                (generated.lastRecorded().toEpochMilli() - RandomHistories.START.toEpochMilli()) / 2);
        List<Instant> knownAts = new ArrayList<>(java.util.Arrays.asList(null, middle, RandomHistories.START,
                generated.lastRecorded().plusSeconds(1)));
        for (LocalDate day : DAYS) {
            for (Instant knownAt : knownAts) {
                TimeSlice slice = new TimeSlice(day, knownAt);
                String at = "seed " + seed + " at " + slice;
                same(at, fromHistories, fromRows, slice, generated);
                if (knownAt == null) {
                    same(at + " (read afresh)", fromHistories, fromFreshRows, slice, generated);
                }
            }
        }
        viewer(generated.committees.get(0));
        same("seed " + seed + " as a viewer of one committee", fromHistories, fromRows, TimeSlice.asOf(DAYS[3]),
                generated);
        admin();
    }

    private static void same(String at, OversightReads expected, OversightReads actual, TimeSlice slice,
                             RandomHistories generated) {
        List<Function<OversightReads, Object>> queries = new ArrayList<>();
        queries.add(r -> r.organs(null, null, null, slice, 0, 1000));
        queries.add(r -> r.findings(null, null, null, slice));
        queries.add(r -> r.specialReportRequests(null, null, null, slice));
        queries.add(r -> r.decisions(null, null, null, null, slice));
        for (int year = 2022; year <= 2025; year++) {
            int y = year;
            queries.add(r -> r.annualReports(y, null, null, slice));
            queries.add(r -> r.annualReports(y, null, AnnualReportStatus.NOT_REQUIRED, slice));
            queries.add(r -> r.leaderFilings(y, null, null, false, slice));
        }
        for (String committee : generated.committees) {
            queries.add(r -> r.organs(committee, null, null, slice, 0, 3));
            queries.add(r -> r.organs(committee, null, org.jiguan.oversight.domain.views.OrganStatus.ABOLISHED, slice,
                    0, 1000));
            queries.add(r -> r.dashboard(committee, null, slice));
            queries.add(r -> r.dashboard(committee, 2023, slice));
            queries.add(r -> r.decisions(null, committee, null, null, slice));
            queries.add(r -> r.annualReports(2024, committee, null, slice));
            queries.add(r -> r.findings(committee, null, null, slice));
            queries.add(r -> r.leaderFilings(2024, committee, null, true, slice));
        }
        generated.streams.values().stream().filter(s -> s.kind() == AggregateKind.ORGAN).limit(3).forEach(s -> {
            queries.add(r -> r.decisions(s.id(), null, null, null, slice));
            queries.add(r -> r.findings(null, s.id(), null, slice));
            queries.add(r -> r.specialReportRequests(s.committeeId(), s.id(), null, slice));
            queries.add(r -> r.leaderFilings(2023, null, s.id(), false, slice));
        });
        for (int i = 0; i < queries.size(); i++) {
            assertThat(answer(queries.get(i), actual)).as(at + ", query " + i)
                    .isEqualTo(answer(queries.get(i), expected));
        }
    }

    /** The answer, or the exception's class and message. */
    private static Object answer(Function<OversightReads, Object> query, OversightReads reads) {
        try {
            return query.apply(reads);
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /**
     * Each aggregate's events in sequence order, the aggregates interleaved at random; now and then two events of an
     * aggregate swapped (a gap, filled by the next), one sent twice, and in one aggregate of three one never sent.
     */
    private static List<HistoryStore.Append> delivery(RandomHistories generated, Random random) {
        List<List<HistoryStore.Append>> queues = new ArrayList<>();
        boolean dropped = false;
        for (RandomHistories.Stream s : generated.streams.values()) {
            List<HistoryStore.Append> queue = new ArrayList<>();
            s.events().forEach(e -> queue.add(new HistoryStore.Append(s.kind(), s.id(), s.committeeId(),
                    s.kind() == AggregateKind.COMMITTEE ? null : s.organId(), e)));
            for (int i = 0; i + 1 < queue.size(); i++) {
                if (random.nextInt(8) == 0) {
                    Collections.swap(queue, i, i + 1);
                }
                if (random.nextInt(10) == 0) {
                    queue.add(i, queue.get(i));
                    i++;
                }
            }
            if (!dropped && queue.size() > 3 && random.nextInt(3) == 0) {
                queue.remove(1 + random.nextInt(queue.size() - 1));
                dropped = true;
            }
            queues.add(queue);
        }
        List<HistoryStore.Append> delivery = new ArrayList<>();
        while (!queues.isEmpty()) {
            List<HistoryStore.Append> queue = queues.get(random.nextInt(queues.size()));
            delivery.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return delivery;
    }

    private static OversightReads reads(HistoryStore histories, Supplier<ReadSource> source) {
        return new OversightReads(() -> histories, source,
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), BusinessCalendar.ZONE));
    }

    /** The specification: every aggregate's whole history as the histories hold it, dated and folded. */
    private record Folded(List<DatedHistory> all, List<String> committees) implements ReadSource {
        static Folded of(HistoryStore histories, RandomHistories generated) {
            return new Folded(generated.streams.values().stream().map(s -> histories.load(s.kind(), s.id()))
                    .flatMap(Optional::stream).map(AggregateHistory::datedHistory).toList(), generated.committees);
        }

        @Override
        public CommitteeRows ofCommittee(AggregateKind kind, String committeeId) {
            return new CommitteeRows(all.stream().filter(h -> h.kind() == kind && h.committeeId().equals(committeeId))
                    .toList());
        }

        @Override
        public Optional<DatedHistory> one(AggregateKind kind, String id) {
            return all.stream().filter(h -> h.kind() == kind && h.id().equals(id)).findFirst();
        }
    }

    private static void admin() {
        caller(List.of("ADMIN"), List.of("*"));
    }

    private static void viewer(String committee) {
        caller(List.of("OVERSIGHT_VIEWER"), List.of(committee));
    }

    private static void caller(List<String> roles, List<String> committees) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("property-test").claim("roles", roles)
                .claim("committees", committees).claim("organs", List.of()).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }
}
