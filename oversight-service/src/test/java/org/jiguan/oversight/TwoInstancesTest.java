package org.jiguan.oversight;

import org.jiguan.platform.time.BusinessCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.Instances;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.Test;

/**
 * Two oversight-service processes on one store and one broker, their reminder timers running every second.
 * <ul>
 * <li>Work shared: each of the two subscriptions is one consumer group whose partitions the instances split; every
 * event is in the shared histories once, and every organ and meeting reads the same through either instance.</li>
 * <li>Reminders: both instances run over every organ, racing; each organ's overdue report is reminded once, each
 * reminder stored once (the {@code <organ>:<year>} aggregate), counted once by the instance that issued it, listed
 * once by {@code GET /api/v1/reminders} and published on {@code oversight-reminders}.</li>
 * <li>Takeover: the instance that publishes is killed with SIGKILL; events fed after it reach the histories through
 * the survivor once the group has given it the dead instance's partitions, the new organs' reminders are issued
 * once, projected and published by the survivor.</li>
 * </ul>
 * The organs' only fact the reminders depend on is their establishment, in their first event, so a run that sees
 * an organ sees all it needs: established in March two years ago with nothing filed, each owes that year's report,
 * long escalated, and gets its {@code ESCALATED} reminder for it whatever the day the test runs.
 */
class TwoInstancesTest {
    private static final String DATABASE = "oversight-two-instances-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RUN = Pattern.compile("Reminder run for \\S+: (\\d+) organs, \\d+ open report years, "
            + "(\\d+) reminders issued, (\\d+) issued elsewhere, (\\d+) failed");

    @Test
    void two_instances_share_the_histories_issue_each_reminder_once_and_the_survivor_takes_over() throws Exception {
        TestInfrastructure.start();
        long started = System.nanoTime();
        String run = "two-" + System.nanoTime();
        String committee = run + "-prov";
        int year = BusinessCalendar.today(Clock.systemUTC()).getYear() - 2;
        LocalDate established = LocalDate.of(year, 3, 1);
        int organPartitions = Instances.partitionsOf(EventsFeed.ORGAN_TOPIC);
        List<String> organs = new ArrayList<>(Instances.keysOnEveryPartition(run + "-o", organPartitions));
        organs.addAll(Instances.keysOnEveryPartition(run + "-p", organPartitions));
        List<String> meetings = Instances.keysOnEveryPartition(run + "-mt",
                Instances.partitionsOf(EventsFeed.MEETING_TOPIC));
        List<ChildService> instances = Instances.startAll(List.of(() -> start("a"), () -> start("b")));
        try (EventsFeed feed = new EventsFeed();
             MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
            MongoDatabase db = mongo.getDatabase(DATABASE);
            long startedMs = (System.nanoTime() - started) / 1_000_000;

            // ---- Histories: organs and meetings on every partition of both topics.
            Map<String, Long> organEvents = new LinkedHashMap<>();
            Map<String, Long> meetingEvents = new LinkedHashMap<>();
            feed.committeeRegistered(committee, 20);
            for (String organ : organs) {
                organ(feed, committee, organ, established, organEvents);
            }
            String host = organs.get(0);
            for (String meeting : meetings) {
                Instant at = established.plusYears(1).atTime(9, 0).atZone(BusinessCalendar.ZONE).toInstant();
                feed.meetingConvened(committee, host, meeting, at, "i1");
                feed.meetingOpened(committee, host, meeting, at.plusSeconds(300));
                feed.voteRecorded(committee, host, meeting, "i1");
                meetingEvents.put(meeting, 3L);
            }
            List<List<Integer>> organShares = Instances.awaitSharedGroup(DATABASE + ".organ-events", 2,
                    EventsFeed.ORGAN_TOPIC);
            List<List<Integer>> meetingShares = Instances.awaitSharedGroup(DATABASE + ".meeting-records", 2,
                    EventsFeed.MEETING_TOPIC);
            awaitHistories(db, organEvents, meetingEvents);
            assertThat(sequences(db, "committee_histories", committee)).containsExactly(0L);
            for (ChildService instance : instances) {
                ApiClient client = ApiClient.admin(instance.baseUrl());
                for (String organ : organs) {
                    ApiClient.Response profile = client.get("/api/v1/organs/" + organ);
                    assertThat(profile.status()).as("%s through %s: %s", organ, instance.baseUrl(), profile)
                            .isEqualTo(200);
                    assertThat(client.get("/api/v1/organs/" + organ + "/history").body().path("total").asInt())
                            .isEqualTo(4);
                }
                for (String meeting : meetings) {
                    assertThat(client.get("/api/v1/meetings/" + meeting + "/history").body().path("total").asInt())
                            .isEqualTo(3);
                }
            }

            // ---- Reminders: both instances have run over every organ and found nothing more to issue.
            List<String> names = List.of("oversight-two-instances-a", "oversight-two-instances-b");
            for (String name : names) {
                waitUntil(() -> runs(name).stream().anyMatch(r -> r.organs() == organs.size() && r.issued() == 0),
                        Duration.ofSeconds(60));
            }
            Set<String> due = new HashSet<>();
            organs.forEach(o -> due.add(o + ":" + year + ":ESCALATED"));
            Map<String, StoredEvent> reminders = storedReminders(db, run);
            assertThat(reminders.keySet()).as("each organ's overdue report reminded").containsAll(due);
            double counted = 0;
            for (ChildService instance : instances) {
                counted += Instances.metric(instance, "jiguan_reminders_issued_total").stream()
                        .mapToDouble(Double::doubleValue).sum();
            }
            assertThat(counted).as("each stored reminder issued by one instance").isEqualTo(reminders.size());
            for (ChildService instance : instances) {
                awaitListed(instance, committee, reminders.keySet());
            }
            int issuedByA = issued(names.get(0));
            int issuedByB = issued(names.get(1));
            int lostRaces = names.stream().mapToInt(n -> runs(n).stream().mapToInt(Run::elsewhere).sum()).sum();

            // ---- SIGKILL the instance that publishes; feed more; the survivor picks it all up.
            ChildService publisher = Instances.publisher(instances);
            ChildService survivor = instances.get(0) == publisher ? instances.get(1) : instances.get(0);
            String survivorName = names.get(instances.indexOf(survivor));
            Set<String> storedBeforeKill = reminders.values().stream().map(StoredEvent::id).collect(Collectors.toSet());
            publisher.kill();
            long killedAt = System.nanoTime();
            List<String> later = Instances.keysOnEveryPartition(run + "-q", organPartitions);
            for (String organ : later) {
                organ(feed, committee, organ, established, organEvents);
            }
            for (String organ : organs) {
                feed.leaderAppointed(organ, "m3", "MEMBER", established);
                organEvents.merge(organ, 1L, Long::sum);
            }
            for (String meeting : meetings) {
                feed.itemAdopted(committee, host, meeting, "i1", meeting + "-d",
                        established.plusYears(1).atTime(10, 0).atZone(BusinessCalendar.ZONE).toInstant());
                meetingEvents.merge(meeting, 1L, Long::sum);
            }
            waitUntil(() -> Instances.groupMembers(DATABASE + ".organ-events").size() == 1
                    && Instances.groupMembers(DATABASE + ".meeting-records").size() == 1, Duration.ofSeconds(60));
            long rebalancedMs = (System.nanoTime() - killedAt) / 1_000_000;
            awaitHistories(db, organEvents, meetingEvents);
            long takenOverMs = (System.nanoTime() - killedAt) / 1_000_000;
            int all = organs.size() + later.size();
            waitUntil(() -> runs(survivorName).stream().anyMatch(r -> r.organs() == all && r.issued() == 0),
                    Duration.ofSeconds(60));
            later.forEach(o -> due.add(o + ":" + year + ":ESCALATED"));
            Map<String, StoredEvent> allReminders = storedReminders(db, run);
            assertThat(allReminders.keySet()).containsAll(due);
            awaitListed(survivor, committee, allReminders.keySet());
            for (String name : names) {
                assertThat(runs(name)).as("runs of %s", name).allSatisfy(r -> assertThat(r.failed()).isZero());
            }

            // ---- oversight-reminders: every stored reminder, as the stream's contract has it.
            List<StoredEvent> stored = List.copyOf(allReminders.values());
            Set<String> storedIds = stored.stream().map(StoredEvent::id).collect(Collectors.toSet());
            List<Record> records;
            try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "oversight-reminders")) {
                records = reader.readUntil(seen -> TopicReader.ceIds(seen, run).containsAll(storedIds),
                        Duration.ofSeconds(60)).stream().filter(r -> r.key() != null && r.key().startsWith(run))
                        .toList();
            }
            int resent = Instances.assertPublishedAsStored(stored, records, storedBeforeKill);
            System.out.printf("oversight two instances: started in %d ms; organ-events split %s, meeting-records %s; "
                            + "%d reminders before the SIGKILL (%d issued by a, %d by b, %d lost races), %d after it; "
                            + "partitions reassigned %d ms and histories complete %d ms after it; %d records on the "
                            + "topic (%d sent again); %d ms in all%n", startedMs, organShares, meetingShares,
                    reminders.size(), issuedByA, issuedByB, lostRaces, allReminders.size() - reminders.size(),
                    rebalancedMs, takenOverMs, records.size(), resent, (System.nanoTime() - started) / 1_000_000);
        } finally {
            for (ChildService instance : instances) {
                instance.close();
            }
        }
    }

    /** An organ established on {@code established}, with two leaders and a headcount: four events. */
    private static void organ(EventsFeed feed, String committee, String organ, LocalDate established,
                              Map<String, Long> events) {
        feed.organCreated(committee, organ, "机关" + organ, established);
        feed.leaderAppointed(organ, "m1", "PRINCIPAL", established);
        feed.leaderAppointed(organ, "m2", "DEPUTY", established);
        feed.headcountReported(organ, 30, established.plusMonths(1));
        events.put(organ, 4L);
    }

    /** Waits until every history holds its events, then checks that it holds each sequence once. */
    private static void awaitHistories(MongoDatabase db, Map<String, Long> organs, Map<String, Long> meetings)
            throws InterruptedException {
        Map<String, Map<String, Long>> expected = Map.of("organ_histories", organs, "meeting_histories", meetings);
        waitUntil(() -> expected.entrySet().stream().allMatch(kind -> kind.getValue().entrySet().stream()
                        .allMatch(h -> new HashSet<>(sequences(db, kind.getKey(), h.getKey()))
                                .containsAll(upTo(h.getValue())))),
                Duration.ofSeconds(60));
        expected.forEach((collection, histories) -> histories.forEach((id, count) ->
                assertThat(sequences(db, collection, id)).as("%s once each", id)
                        .containsExactlyInAnyOrderElementsOf(upTo(count))));
    }

    private static List<Long> upTo(long count) {
        return LongStream.range(0, count).boxed().toList();
    }

    /** The sequences an aggregate's history holds, as stored (its first chunk: these histories are short). */
    private static List<Long> sequences(MongoDatabase db, String collection, String aggregateId) {
        Document chunk = db.getCollection(collection).find(new Document("_id", aggregateId)).first();
        return chunk == null ? List.of() : chunk.getList("events", Document.class).stream()
                .map(e -> ((Number) e.get("sequence")).longValue()).toList();
    }

    /** The reminders in the event log, by reminder id; fails on one stored twice. */
    private static Map<String, StoredEvent> storedReminders(MongoDatabase db, String run) {
        Map<String, StoredEvent> byReminder = new LinkedHashMap<>();
        for (StoredEvent e : StoredEvents.all(db)) {
            if (e.aggregateId().startsWith(run) && e.is("ReminderIssued")) {
                String reminderId = read(e.payload()).path("reminderId").asText();
                assertThat(byReminder.put(reminderId, e)).as("%s stored twice", reminderId).isNull();
            }
        }
        return byReminder;
    }

    /** Waits until {@code GET /api/v1/reminders} of the instance lists exactly these reminders, each once. */
    private static void awaitListed(ChildService instance, String committee, Set<String> reminderIds)
            throws InterruptedException {
        ApiClient client = ApiClient.admin(instance.baseUrl());
        List<String> listed = new ArrayList<>();
        waitUntil(() -> {
            listed.clear();
            client.get("/api/v1/reminders?committeeId=" + committee + "&size=1000").body().path("items")
                    .forEach(item -> listed.add(item.path("reminderId").asText()));
            return listed.size() >= reminderIds.size();
        }, Duration.ofSeconds(60));
        assertThat(listed).as("reminders listed by %s", instance.baseUrl())
                .containsExactlyInAnyOrderElementsOf(reminderIds);
    }

    private record Run(int organs, int issued, int elsewhere, int failed) {
    }

    /** The reminder runs the instance has logged. */
    private static List<Run> runs(String name) {
        List<Run> runs = new ArrayList<>();
        Matcher m = RUN.matcher(Instances.log(name));
        while (m.find()) {
            runs.add(new Run(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        }
        return runs;
    }

    private static int issued(String name) {
        return runs(name).stream().mapToInt(Run::issued).sum();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static ChildService start(String name) throws Exception {
        return ChildService.start(OversightServiceApplication.class, "oversight-two-instances-" + name, freePort(),
                TestInfrastructure.mongoUri(), DATABASE, TestInfrastructure.kafkaBootstrap(),
                "-Djiguan.reminders.initial-delay=PT1S", "-Djiguan.reminders.check-every=PT1S",
                "-Djiguan.reminders.interval=PT1S");
    }
}
