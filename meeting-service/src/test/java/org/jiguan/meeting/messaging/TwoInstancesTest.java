package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jiguan.meeting.MeetingServiceApplication;
import org.jiguan.meeting.OrganEventsFeed;
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
 * Two meeting-service processes on one store and one broker, as behind a load balancer.
 * <ul>
 * <li>The organ view: both instances' consumers are one group and split {@code organ-events}' partitions; every
 * organ is in the shared view with each appointment once. An event that overtakes its predecessor is held by the
 * instance that owns its partition; when that instance is killed the survivor, given the partition, applies the
 * missing event and then the held one.</li>
 * <li>One meeting, its commands alternating between the instances: each instance's cached meeting falls behind the
 * other's writes, and every command is still judged on the stored meeting and accepted. The instance that publishes
 * is killed with SIGKILL mid-meeting; the other finishes the meeting and its decisions, takes over publishing, and
 * every stored event reaches {@code meeting-events}.</li>
 * </ul>
 */
class TwoInstancesTest {
    private static final String DATABASE = "meeting-two-instances-test";
    private static final String GROUP = DATABASE + ".organ-view";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);
    private static final List<String> ROLES = List.of("PRINCIPAL", "DEPUTY", "DEPUTY", "MEMBER", "MEMBER");

    @Test
    void two_instances_share_the_organ_view_and_a_meeting_and_the_survivor_takes_over() throws Exception {
        TestInfrastructure.start();
        long started = System.nanoTime();
        String run = "two-" + System.nanoTime();
        String committee = run + "-prov";
        String host = run + "-host";
        int partitions = Instances.partitionsOf(OrganEventsFeed.TOPIC);
        List<ChildService> instances = Instances.startAll(List.of(() -> start("a"), () -> start("b")));
        try (OrganEventsFeed feed = new OrganEventsFeed()) {
            ChildService a = instances.get(0);
            ChildService b = instances.get(1);
            long startedMs = (System.nanoTime() - started) / 1_000_000;

            // ---- The organ view: organs on every partition, so each instance applies some of them.
            Map<String, Integer> appointments = new LinkedHashMap<>();
            organWithBody(feed, committee, host, appointments);
            List<String> gapOrgans = Instances.keysOnEveryPartition(run + "-gap", partitions);
            for (String organ : Instances.keysOnEveryPartition(run + "-o", partitions)) {
                organWithBody(feed, committee, organ, appointments);
            }
            for (String organ : gapOrgans) {
                feed.organCreated(committee, organ, "机关" + organ, ESTABLISHED);
                feed.leaderAppointed(organ, organ + "-m1", "成员1", "PRINCIPAL", ESTABLISHED, false);
                // #3 overtakes #2, which is only sent after the SIGKILL: it waits in organ_events_held.
                appointment(feed, committee, organ, 3, "DEPUTY");
            }
            List<List<Integer>> shares = Instances.awaitSharedGroup(GROUP, 2, OrganEventsFeed.TOPIC);
            try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
                MongoDatabase db = mongo.getDatabase(DATABASE);
                waitUntil(() -> appointments.entrySet().stream()
                        .allMatch(e -> sequenceOf(db, e.getKey()) == e.getValue()), Duration.ofSeconds(60));
                waitUntil(() -> gapOrgans.stream().allMatch(o -> held(db, o) == 1), Duration.ofSeconds(60));
                for (String organ : gapOrgans) {
                    assertThat(sequenceOf(db, organ)).as("%s waits at its gap", organ).isEqualTo(1);
                }

                // ---- One meeting, its commands alternating between the instances.
                ApiClient viaA = ApiClient.admin(a.baseUrl());
                ApiClient viaB = ApiClient.admin(b.baseUrl());
                Alternating commands = new Alternating(viaA, viaB);
                String meeting = run + "-meeting";
                String decision1 = run + "-d1";
                String decision2 = run + "-d2";
                commands.send("/api/v1/meetings", convening(meeting, host), 201);
                for (String step : List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION", "LEGALITY_REVIEW")) {
                    commands.send(item(meeting, "funds", "preparation"), Map.of("step", step,
                            "completedOn", "2026-11-05", "note", "已完成"), 200);
                }
                commands.send("/api/v1/meetings/" + meeting + "/opening", Map.of(
                        "openedAt", "2026-11-10T09:05:00+08:00",
                        "present", List.of(member(host, 1), member(host, 2), member(host, 3), member(host, 4),
                                member(host, 5)), "absent", List.of()), 200);
                commands.send(item(meeting, "other", "recusals"), Map.of("memberId", member(host, 5),
                        "reason", "本人利害关系"), 200);
                commands.send(item(meeting, "funds", "voting"), Map.of("method", "SHOW_OF_HANDS"), 200);
                for (int n = 1; n <= 5; n++) {
                    commands.send(item(meeting, "funds", "votes"), Map.of("memberId", member(host, n),
                            "choice", n == 4 ? "AGAINST" : "FOR"), 200);
                }
                JsonNode adopted = commands.send(item(meeting, "funds", "closing"), Map.of("decisionId", decision1,
                        "positionsOrder", List.of(member(host, 2), member(host, 3), member(host, 4), member(host, 5),
                                member(host, 1))), 200).body();
                assertThat(adopted.path("outcome").asText()).isEqualTo("ADOPTED");
                commands.send(item(meeting, "other", "voting"), Map.of("method", "ROLL_CALL"), 200);
                commands.send(item(meeting, "other", "votes"), Map.of("memberId", member(host, 1), "choice", "FOR"),
                        200);
                int beforeKill = commands.sent();

                // ---- SIGKILL the instance that publishes, mid-meeting; the other finishes the meeting alone.
                ChildService publisher = Instances.publisher(instances);
                Set<String> storedBeforeKill = ids(StoredEvents.all(db), run);
                publisher.kill();
                long killedAt = System.nanoTime();
                commands.onlyVia(publisher == a ? viaB : viaA);
                for (int n = 2; n <= 4; n++) {
                    commands.send(item(meeting, "other", "votes"), Map.of("memberId", member(host, n),
                            "choice", "FOR"), 200);
                }
                assertThat(commands.send(item(meeting, "other", "closing"), Map.of("decisionId", decision2), 200)
                        .body().path("outcome").asText()).isEqualTo("ADOPTED");
                commands.send("/api/v1/meetings/" + meeting + "/adjournment",
                        Map.of("at", "2026-11-10T11:30:00+08:00"), 200);
                commands.send("/api/v1/meetings/" + meeting + "/minutes", Map.of("recorderId", "recorder",
                        "text", "会议审议了两项议题"), 200);
                commands.send("/api/v1/meetings/" + meeting + "/minutes/issue",
                        Map.of("signedBy", member(host, 1)), 200);
                commands.send("/api/v1/decisions/" + decision1 + "/tasks", Map.of("taskId", "t1",
                        "owner", "财务处", "dueOn", "2026-12-31", "description", "拨付资金"), 201);
                commands.send("/api/v1/decisions/" + decision1 + "/tasks/t1/feedback", Map.of(
                        "reportedOn", "2026-11-20", "done", true, "note", "已拨付"), 200);

                // ---- The survivor takes over the dead instance's partitions: the gaps fill, new events apply.
                for (String organ : gapOrgans) {
                    appointment(feed, committee, organ, 2, "DEPUTY");
                }
                String late = run + "-after-kill";
                organWithBody(feed, committee, late, appointments);
                waitUntil(() -> Instances.groupMembers(GROUP).size() == 1, Duration.ofSeconds(90));
                long rebalancedMs = (System.nanoTime() - killedAt) / 1_000_000;
                waitUntil(() -> gapOrgans.stream().allMatch(o -> sequenceOf(db, o) == 3)
                        && sequenceOf(db, late) == appointments.get(late), Duration.ofSeconds(60));
                long takenOverMs = (System.nanoTime() - killedAt) / 1_000_000;
                for (String organ : gapOrgans) {
                    assertThat(tenures(db, organ)).as("%s: #1, then #2 and the held #3", organ)
                            .containsExactly(organ + "-m1", organ + "-m2", organ + "-m3");
                    assertThat(held(db, organ)).as("%s holds nothing", organ).isZero();
                }
                appointments.forEach((organ, last) -> assertThat(tenures(db, organ))
                        .as("each appointment of %s once", organ).hasSize(last));
                assertThat(db.getCollection("dead_letters").countDocuments()).isZero();

                // ---- Every stored event is on meeting-events; a re-send after the takeover keeps its ce_id.
                List<StoredEvent> stored = StoredEvents.all(db).stream()
                        .filter(e -> e.aggregateId().startsWith(run)).toList();
                assertThat(stored.stream().filter(e -> e.aggregateId().equals(meeting))).hasSize(23);
                assertThat(stored.stream().filter(e -> e.aggregateId().equals(decision1))).hasSize(3);
                assertThat(stored.stream().filter(e -> e.aggregateId().equals(decision2))).hasSize(1);
                Set<String> storedIds = ids(stored, run);
                List<Record> records;
                try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "meeting-events")) {
                    records = ours(reader.readUntil(seen -> TopicReader.ceIds(seen, run).containsAll(storedIds),
                            Duration.ofSeconds(90)), run);
                }
                int resent = Instances.assertPublishedAsStored(stored, records, storedBeforeKill);
                System.out.printf("meeting two instances: started in %d ms; %d organs on %d partitions (split %s); "
                                + "%d commands all accepted (%d before the SIGKILL of the publisher); partitions "
                                + "reassigned %d ms and gaps filled %d ms after it; %d events stored, %d records on "
                                + "the topic (%d sent again); %d ms in all%n", startedMs, appointments.size()
                                + gapOrgans.size(), partitions, shares, commands.sent(), beforeKill,
                        rebalancedMs, takenOverMs, stored.size(), records.size(), resent,
                        (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            for (ChildService instance : instances) {
                instance.close();
            }
        }
    }

    /** Sends each command through the next instance in turn, or through one alone once the other is gone. */
    private static final class Alternating {
        private final List<ApiClient> clients = new ArrayList<>();
        private int sent;

        Alternating(ApiClient... clients) {
            this.clients.addAll(List.of(clients));
        }

        ApiClient.Response send(String path, Object body, int status) {
            ApiClient client = clients.get(sent % clients.size());
            ApiClient.Response response = client.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                    .post(path, body);
            assertThat(response.status()).as("command %d, %s: %s", sent + 1, path, response).isEqualTo(status);
            sent++;
            return response;
        }

        void onlyVia(ApiClient client) {
            clients.clear();
            clients.add(client);
        }

        int sent() {
            return sent;
        }
    }

    private static Map<String, Object> convening(String meetingId, String organId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", meetingId);
        body.put("organId", organId);
        body.put("kind", "AFFAIRS");
        body.put("convenerId", member(organId, 1));
        body.put("convenerBasis", "PRINCIPAL");
        body.put("scheduledAt", "2026-11-10T09:00:00+08:00");
        body.put("noticeGivenAt", "2026-11-08T09:00:00+08:00");
        body.put("recorderId", "recorder");
        body.put("agenda", List.of(Map.of("itemId", "funds", "title", "大额资金使用", "category", "LARGE_FUNDS"),
                Map.of("itemId", "other", "title", "其他事项", "category", "OTHER")));
        return body;
    }

    private static String item(String meetingId, String itemId, String act) {
        return "/api/v1/meetings/" + meetingId + "/items/" + itemId + "/" + act;
    }

    private static String member(String organId, int n) {
        return organId + "-m" + n;
    }

    /** An organ with a body of five, each appointment its own event; records its last sequence. */
    private static void organWithBody(OrganEventsFeed feed, String committee, String organ,
                                      Map<String, Integer> appointments) {
        feed.organCreated(committee, organ, "机关" + organ, ESTABLISHED);
        for (int n = 1; n <= ROLES.size(); n++) {
            feed.leaderAppointed(organ, member(organ, n), "成员" + n, ROLES.get(n - 1), ESTABLISHED, false);
        }
        appointments.put(organ, ROLES.size());
    }

    /** Member n's appointment as the organ's event #n, sent as it is, out of turn if need be. */
    private static void appointment(OrganEventsFeed feed, String committee, String organ, int n, String role) {
        byte[] value = JSON.createObjectNode().put("organId", organ).put("committeeId", committee)
                .put("memberId", member(organ, n)).put("name", "成员" + n).put("role", role)
                .put("since", ESTABLISHED.toString()).put("concurrentUpperLevelPost", false).putNull("approval")
                .toString().getBytes(StandardCharsets.UTF_8);
        feed.raw("LeaderAppointed", organ, n, UUID.randomUUID().toString(), value);
    }

    private static ChildService start(String name) throws Exception {
        return ChildService.start(MeetingServiceApplication.class, "meeting-two-instances-" + name, freePort(),
                TestInfrastructure.mongoUri(), DATABASE, TestInfrastructure.kafkaBootstrap());
    }

    private static Set<String> ids(List<StoredEvent> events, String run) {
        Set<String> ids = new HashSet<>();
        events.stream().filter(e -> e.aggregateId().startsWith(run)).forEach(e -> ids.add(e.id()));
        return ids;
    }

    private static List<Record> ours(List<Record> records, String run) {
        return records.stream().filter(r -> r.key() != null && r.key().startsWith(run)).toList();
    }

    private static long sequenceOf(MongoDatabase db, String organId) {
        Document organ = db.getCollection("organ_bodies").find(new Document("_id", organId)).first();
        return organ == null ? -1 : ((Number) organ.get("sequence")).longValue();
    }

    private static List<String> tenures(MongoDatabase db, String organId) {
        Document organ = db.getCollection("organ_bodies").find(new Document("_id", organId)).first();
        return organ == null ? List.of()
                : organ.getList("tenures", Document.class).stream().map(t -> t.getString("memberId")).toList();
    }

    private static long held(MongoDatabase db, String organId) {
        return db.getCollection("organ_events_held").countDocuments(new Document("subject", organId));
    }
}
