package org.jiguan.oversight.messaging;

import org.jiguan.oversight.api.ReminderIds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.jiguan.oversight.MutableClock;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.domain.reports.AnnualReportReminders;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-SUP-2 end to end: the scheduler walks a winter day by day on the test clock against real Kafka and MongoDB,
 * with the organs' facts arriving on {@code organ-events} on the days they happen. Each stage reaches
 * {@code GET /api/v1/reminders} and the {@code oversight-reminders} topic exactly once, on its working day; a
 * restarted scheduler issues nothing again, and two "instances" racing on the same days issue each stage once.
 */
class ReminderSchedulerTest extends OversightServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 12, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 15);
    private static final LocalDate ESTABLISHED = LocalDate.of(2025, 3, 1);
    /** The defaults for the 2025 report on the CN calendar (ReminderSchedule): 31 Jan 2026 is a Saturday. */
    private static final Map<ReminderStage, LocalDate> FIRE_DAYS = Map.of(
            ReminderStage.UPCOMING, LocalDate.of(2025, 12, 31),
            ReminderStage.DUE_SOON, LocalDate.of(2026, 1, 26),
            ReminderStage.DUE, LocalDate.of(2026, 2, 2),
            ReminderStage.OVERDUE, LocalDate.of(2026, 2, 3),
            ReminderStage.ESCALATED, LocalDate.of(2026, 3, 4));

    @Autowired
    ReminderScheduler scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    Histories histories;
    @Autowired
    EventStore eventStore;
    @Autowired
    CommandGateway commandGateway;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void R_SUP_2_a_winter_of_reminders_each_stage_once_on_its_day_then_nothing_again_after_a_restart() {
        String committee = uniqueId("remind");
        String filesEarly = committee + "-early";
        String filesLate = committee + "-late";
        String neverFiles = committee + "-never";
        String abolished = committee + "-abolished";
        String newcomer = committee + "-newcomer";
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 10);
            FEED.organCreated(committee, filesEarly, "早报部", ESTABLISHED);
            FEED.organCreated(committee, filesLate, "迟报部", ESTABLISHED);
            FEED.organCreated(committee, neverFiles, "未报部", ESTABLISHED);
            FEED.organCreated(committee, abolished, "撤销部", ESTABLISHED);
            // After the 30 September cut-off: owes nothing for 2025 (R-SUP-1).
            FEED.organCreated(committee, newcomer, "新设部", LocalDate.of(2025, 10, 15));
        }
        for (String organ : List.of(filesEarly, filesLate, neverFiles, abolished, newcomer)) {
            awaitOrganEvents(organ, 1);
        }
        Set<String> mine = Set.of(filesEarly, filesLate, neverFiles, abolished, newcomer);
        Map<LocalDate, Consumer<LocalDate>> facts = Map.of(
                LocalDate.of(2026, 1, 10), day -> {
                    FEED.organAbolished(abolished, day);
                    awaitOrganEvents(abolished, 2);
                },
                LocalDate.of(2026, 1, 20), day -> {
                    FEED.annualReportFiled(filesEarly, 2025, day, false);
                    awaitOrganEvents(filesEarly, 2);
                },
                LocalDate.of(2026, 1, 28), day -> {
                    FEED.annualReportFiled(filesLate, 2025, day, false);
                    awaitOrganEvents(filesLate, 2);
                });

        long started = System.nanoTime();
        List<ReminderIssued> issued = walk(scheduler, mine, facts);
        long walkMs = (System.nanoTime() - started) / 1_000_000;

        Map<String, Map<ReminderStage, LocalDate>> expected = new LinkedHashMap<>();
        expected.put(filesEarly, stages(ReminderStage.UPCOMING));
        expected.put(filesLate, stages(ReminderStage.UPCOMING, ReminderStage.DUE_SOON));
        expected.put(neverFiles, stages(ReminderStage.values()));
        expected.put(abolished, stages(ReminderStage.UPCOMING));
        assertThat(issuedDays(issued)).isEqualTo(expected);
        assertThat(issued).allSatisfy(r -> {
            assertThat(r.committeeId()).isEqualTo(committee);
            assertThat(r.year()).isEqualTo(2025);
            assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 2, 2));
            assertThat(r.reminderId()).isEqualTo(r.organId() + ":2025:" + r.stage());
        });

        // The query: newest first, with the organ's name, filtered to the caller's scope.
        JsonNode all = awaitGet("/api/v1/reminders?committeeId=" + committee,
                r -> r.status() == 200 && r.body().path("total").asInt() == 9).body();
        List<JsonNode> items = new ArrayList<>();
        all.path("items").forEach(items::add);
        assertThat(items).extracting(i -> i.path("issuedAt").asText())
                .isSortedAccordingTo(Collections.reverseOrder());
        JsonNode escalated = items.get(0);
        assertThat(escalated.path("reminderId").asText()).isEqualTo(neverFiles + ":2025:ESCALATED");
        assertThat(escalated.path("organId").asText()).isEqualTo(neverFiles);
        assertThat(escalated.path("organName").asText()).isEqualTo("未报部");
        assertThat(escalated.path("committeeId").asText()).isEqualTo(committee);
        assertThat(escalated.path("year").asInt()).isEqualTo(2025);
        assertThat(escalated.path("stage").asText()).isEqualTo("ESCALATED");
        assertThat(escalated.path("dueOn").asText()).isEqualTo("2026-02-02");
        assertThat(escalated.path("issuedAt").asText()).isEqualTo("2026-03-04T01:00:00Z");
        assertThat(total("/api/v1/reminders?committeeId=" + committee + "&stage=UPCOMING", admin())).isEqualTo(4);
        assertThat(total("/api/v1/reminders?committeeId=" + committee + "&since=2026-02-01", admin())).isEqualTo(3);
        assertThat(total("/api/v1/reminders?committeeId=" + committee + "&since=2026-02-03T01:00:00Z", admin()))
                .isEqualTo(2);
        assertThat(total("/api/v1/reminders?organId=" + filesLate + "&year=2025", admin())).isEqualTo(2);
        assertThat(total("/api/v1/reminders?committeeId=" + committee, viewer(committee))).isEqualTo(9);
        assertThat(total("/api/v1/reminders?committeeId=" + committee, organOffice(committee, filesLate)))
                .isEqualTo(2);
        assertThat(total("/api/v1/reminders?organId=" + neverFiles, viewer("another-committee"))).isZero();
        assertThat(total("/api/v1/reminders?committeeId=" + committee, viewer("another-committee"))).isZero();
        expectStatus(viewer(committee).get("/api/v1/reminders?since=yesterday"), 400);
        expectStatus(viewer(committee).get("/api/v1/reminders?stage=LATE"), 400);
        expectStatus(ApiClient.anonymous(baseUrl()).get("/api/v1/reminders"), 401);
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        JsonNode operation = docs.at("/paths/~1api~1v1~1reminders/get");
        assertThat(operation.path("summary").asText()).contains("Reminders issued");
        List<String> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("committeeId", "stage", "since", "organId", "year");

        // The topic: each stage once per organ and year, as CloudEvents keyed by <organId>:<year>.
        List<TopicReader.Record> published = published(mine, 9);
        assertThat(published).hasSize(9);
        for (TopicReader.Record record : published) {
            assertThat(record.header("ce_type")).isEqualTo("jiguan.oversight.ReminderIssued");
            assertThat(record.header("ce_source")).isEqualTo("/oversight-service");
            assertThat(record.header("ce_specversion")).isEqualTo("1.0");
            assertThat(record.header("content-type")).isEqualTo("application/json");
            assertThat(record.header("ce_subject")).isEqualTo(record.key());
            JsonNode value = read(record.value());
            assertThat(record.key()).isEqualTo(value.path("organId").asText() + ":2025");
            assertThat(EventSchemas.validate("ReminderIssued", value)).as(record.value()).isEmpty();
        }
        assertThat(published.stream().map(r -> read(r.value()).path("reminderId").asText()).distinct())
                .hasSize(9);

        // A restart: a new scheduler with nothing in memory walks the same days and finds everything issued.
        ReminderScheduler restarted = new ReminderScheduler(histories, commandGateway, eventStore, clock, 2, new SimpleMeterRegistry());
        assertThat(walk(restarted, mine, Map.of())).isEmpty();
        assertThat(total("/api/v1/reminders?committeeId=" + committee, admin())).isEqualTo(9);
        System.out.printf("walked %d days in %d ms%n", FIRST_DAY.datesUntil(LAST_DAY.plusDays(1)).count(), walkMs);
    }

    @Test
    void R_SUP_2_two_instances_racing_on_the_same_days_issue_each_stage_once() throws Exception {
        String committee = uniqueId("race");
        List<String> organs = List.of(committee + "-a", committee + "-b", committee + "-c");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 10);
            organs.forEach(o -> FEED.organCreated(committee, o, "竞争部" + o, ESTABLISHED));
        }
        organs.forEach(o -> awaitOrganEvents(o, 1));
        ReminderScheduler other = new ReminderScheduler(histories, secondInstanceGateway(), eventStore, clock, 2,
                new SimpleMeterRegistry());
        List<ReminderIssued> issued = Collections.synchronizedList(new ArrayList<>());
        int lostRaces = 0;
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // The fire days and a day of catch-up between them; both instances start each day together.
            for (LocalDate day : List.of(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 26),
                    LocalDate.of(2026, 1, 27), LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3),
                    LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 5))) {
                clock.setDay(day);
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<ReminderScheduler.Run>> runs = new ArrayList<>();
                for (ReminderScheduler instance : List.of(scheduler, other)) {
                    runs.add(CompletableFuture.supplyAsync(() -> {
                        await(start);
                        return instance.runOnce();
                    }, two));
                }
                for (CompletableFuture<ReminderScheduler.Run> run : runs) {
                    ReminderScheduler.Run done = run.get();
                    assertThat(done.failed()).isZero();
                    lostRaces += done.alreadyIssued();
                    done.issued().stream().filter(r -> organs.contains(r.organId())).forEach(issued::add);
                }
            }
        } finally {
            two.shutdownNow();
        }
        Map<String, Map<ReminderStage, LocalDate>> expected = new LinkedHashMap<>();
        organs.forEach(o -> expected.put(o, stages(ReminderStage.values())));
        assertThat(issued).hasSize(15);
        assertThat(issuedDays(issued)).isEqualTo(expected);
        for (String organ : organs) {
            assertThat(eventStore.readEvents(ReminderIds.remindersOf(organ, 2025)).asStream().count())
                    .isEqualTo(5);
        }
        assertThat(published(Set.copyOf(organs), 15)).hasSize(15);
        System.out.printf("race: %d reminders issued once each, %d lost races%n", issued.size(), lostRaces);
    }

    /**
     * After a stay of downtime only the latest stage that applies is issued (R-SUP-2: no burst of stale ones); then
     * oversight-service restarted as its own process against the same database — timer on, first run at startup,
     * on the real clock — finds that organ's 2025 reminders done and issues none again.
     */
    @Test
    void R_SUP_2_after_downtime_only_the_latest_stage_and_a_restarted_process_issues_it_not_again() throws Exception {
        String committee = uniqueId("restart");
        String organ = committee + "-o";
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 10);
            FEED.organCreated(committee, organ, "重启部", ESTABLISHED);
        }
        awaitOrganEvents(organ, 1);
        clock.setDay(LocalDate.of(2026, 3, 10)); // the first run since December
        List<ReminderIssued> issued = scheduler.runOnce().issued().stream()
                .filter(r -> r.organId().equals(organ)).toList();
        assertThat(issued).extracting(ReminderIssued::stage).containsExactly(ReminderStage.ESCALATED);
        clock.reset();
        awaitGet("/api/v1/reminders?organId=" + organ, r -> r.status() == 200 && r.body().path("total").asInt() == 1);

        // The histories are in the shared database already; the process reads topics of its own so that its
        // consumers, killed at the end, hold none of this context's partitions.
        String unused = "unused-" + committee;
        Path log = Path.of("target", "oversight-restart-service.log");
        try (ChildService restarted = ChildService.start(org.jiguan.oversight.OversightServiceApplication.class,
                "oversight-restart-service", ChildService.freePort(), TestInfrastructure.mongoUri(),
                "oversight-service-test", TestInfrastructure.kafkaBootstrap(),
                "-Djiguan.reminders.initial-delay=PT0S", "-Djiguan.reminders.interval=PT1H",
                "-Djiguan.oversight.organ-topic=" + unused + "-organ", "-Djiguan.oversight.meeting-topic=" + unused
                        + "-meeting")) {
            ChildService.waitUntil(() -> read(log).contains("Reminder run for"), Duration.ofSeconds(60));
            // The timer's own thread, not the platform's command-retry executor its runs would wait on.
            assertThat(read(log)).containsPattern("\\[reminders-1\\] o\\.j\\.o\\.messaging\\.ReminderScheduler - "
                    + "Reminder run for");
            assertThat(read(log)).doesNotContain("reminder for " + organ + "'s 2025 report");
            assertThat(eventStore.readEvents(ReminderIds.remindersOf(organ, 2025)).asStream().count())
                    .isEqualTo(1);
            JsonNode viaChild = ApiClient.admin(restarted.baseUrl())
                    .get("/api/v1/reminders?organId=" + organ + "&year=2025").body();
            assertThat(viaChild.path("total").asInt()).isEqualTo(1);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the scheduler on every day of the walk, the day's facts first; returns what it issued to {@code mine}. */
    private List<ReminderIssued> walk(ReminderScheduler instance, Set<String> mine,
                                      Map<LocalDate, Consumer<LocalDate>> facts) {
        List<ReminderIssued> issued = new ArrayList<>();
        for (LocalDate day = FIRST_DAY; !day.isAfter(LAST_DAY); day = day.plusDays(1)) {
            clock.setDay(day);
            Consumer<LocalDate> fact = facts.get(day);
            if (fact != null) {
                fact.accept(day);
            }
            ReminderScheduler.Run run = instance.runOnce();
            assertThat(run.failed()).isZero();
            run.issued().stream().filter(r -> mine.contains(r.organId())).forEach(issued::add);
        }
        return issued;
    }

    /** Organ -> stage -> the Beijing day it was issued; fails on a stage issued twice. */
    private static Map<String, Map<ReminderStage, LocalDate>> issuedDays(List<ReminderIssued> issued) {
        Map<String, Map<ReminderStage, LocalDate>> days = new LinkedHashMap<>();
        for (ReminderIssued r : issued) {
            LocalDate previous = days.computeIfAbsent(r.organId(), o -> new LinkedHashMap<>())
                    .put(r.stage(), r.issuedAt().atZone(MutableClock.BEIJING).toLocalDate());
            assertThat(previous).as(r.reminderId() + " issued twice").isNull();
        }
        return days;
    }

    private static Map<ReminderStage, LocalDate> stages(ReminderStage... stages) {
        Map<ReminderStage, LocalDate> days = new LinkedHashMap<>();
        for (ReminderStage stage : stages) {
            days.put(stage, FIRE_DAYS.get(stage));
        }
        return days;
    }

    /** The records of {@code organs} on oversight-reminders once {@code expected} arrived (and a moment for extras). */
    private static List<TopicReader.Record> published(Set<String> organs, int expected) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "oversight-reminders")) {
            reader.readUntil(seen -> ofOrgans(seen, organs).size() >= expected, Duration.ofSeconds(30));
            // Anything sent twice would follow closely: read on briefly before judging.
            return ofOrgans(reader.readUntil(seen -> false, Duration.ofMillis(1500)), organs);
        }
    }

    private static List<TopicReader.Record> ofOrgans(List<TopicReader.Record> records, Set<String> organs) {
        return records.stream().filter(r -> r.key() != null
                && organs.contains(r.key().substring(0, r.key().lastIndexOf(':')))).collect(Collectors.toList());
    }

    private static int total(String path, ApiClient client) {
        return expectStatus(client.get(path), 200).body().path("total").asInt();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second instance's command side: its own command bus and repository over the same event store, so nothing
     * but the store's unique (aggregate, sequence) index stands between the two (no shared in-process lock).
     */
    private CommandGateway secondInstanceGateway() {
        EventSourcingRepository<AnnualReportReminders> repository =
                EventSourcingRepository.builder(AnnualReportReminders.class).eventStore(eventStore).build();
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<AnnualReportReminders>builder()
                .aggregateType(AnnualReportReminders.class).repository(repository).build().subscribe(bus);
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }
}
