package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.pause;
import static org.jiguan.platform.testing.ChildService.waitUntil;
import static org.jiguan.platform.testing.TopicReader.ceIds;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.jiguan.meeting.MeetingServiceApplication;
import org.jiguan.meeting.OrganEventsFeed;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, in both directions: meeting-service runs as its own process and is killed with SIGKILL and
 * started again while organ events stream in on {@code organ-events} and a client streams meeting commands at
 * it. Every command answered 2xx is stored once and reaches {@code meeting-events}; every organ event is in the
 * view exactly once in effect, though offsets not yet committed at the kill are delivered again.
 */
class CrashRecoveryTest {
    private static final String DATABASE = "meeting-crash-test";
    private static final int STREAMED_ORGANS = 60;
    private static final int LEADERS_EACH = 3;
    private ChildService service;

    @AfterEach
    void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void commands_and_consumed_events_survive_sigkill_exactly_once_in_effect() throws Exception {
        TestInfrastructure.start();
        String run = "crash-" + System.nanoTime();
        String committee = run + "-prov";
        int port = freePort();
        service = start(port, 1);
        ApiClient admin = ApiClient.admin(service.baseUrl());

        try (OrganEventsFeed feed = new OrganEventsFeed()) {
            String meetingOrgan = run + "-host";
            feed.organCreated(committee, meetingOrgan, "会议机关", LocalDate.of(2024, 3, 1));
            for (int n = 1; n <= 3; n++) {
                feed.leaderAppointed(meetingOrgan, "h" + n, "成员" + n, n == 1 ? "PRINCIPAL" : "DEPUTY",
                        LocalDate.of(2024, 3, 1), false);
            }
            waitUntil(() -> admin.post("/api/v1/meetings", convene(meetingOrgan, run + "-probe")).status() == 201,
                    Duration.ofSeconds(60));

            AtomicBoolean running = new AtomicBoolean(true);
            Thread organStream = new Thread(() -> streamOrgans(feed, committee, run), "organ-stream");
            ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger sent = new AtomicInteger();
            Thread client = new Thread(() -> {
                while (running.get()) {
                    String meetingId = run + "-m" + sent.incrementAndGet();
                    try {
                        if (admin.post("/api/v1/meetings", convene(meetingOrgan, meetingId)).status() == 201) {
                            acknowledged.add(meetingId);
                        }
                    } catch (RuntimeException connectionLost) {
                        pause(); // no 2xx: may or may not be stored
                    }
                }
            }, "command-stream");
            organStream.start();
            client.start();
            waitUntil(() -> acknowledged.size() >= 30, Duration.ofSeconds(60));

            service.kill();
            int beforeCrash = acknowledged.size();
            service = start(port, 2);
            waitUntil(() -> acknowledged.size() >= beforeCrash + 20, Duration.ofSeconds(120));
            running.set(false);
            client.join();
            organStream.join();

            try (MongoClient mongo = MongoClients.create(TestInfrastructure.mongoUri())) {
                MongoDatabase db = mongo.getDatabase(DATABASE);
                Set<String> storedIds = new HashSet<>();
                Map<String, Integer> convenedPerMeeting = new HashMap<>();
                for (StoredEvent e : StoredEvents.all(db)) {
                    if (e.aggregateId().startsWith(run)) {
                        storedIds.add(e.id());
                        convenedPerMeeting.merge(e.aggregateId(), 1, Integer::sum);
                    }
                }
                for (String meetingId : acknowledged) {
                    assertThat(convenedPerMeeting.get(meetingId)).as("MeetingConvened stored for %s", meetingId)
                            .isEqualTo(1);
                }
                List<Record> records;
                try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "meeting-events")) {
                    records = reader.readUntil(seen -> ceIds(seen, run).containsAll(storedIds), Duration.ofSeconds(90));
                }
                Set<String> published = ceIds(records, run);
                assertThat(published).as("every stored event reached Kafka").containsAll(storedIds);
                assertThat(published).as("nothing reached Kafka that was not stored").isSubsetOf(storedIds);

                waitUntil(() -> organsInView(db, run) == STREAMED_ORGANS + 1, Duration.ofSeconds(60));
                for (Document organ : db.getCollection("organ_bodies").find(new Document("committeeId", committee))) {
                    if (organ.getString("_id").startsWith(run + "-o")) {
                        waitUntil(() -> sequenceOf(db, organ.getString("_id")) == LEADERS_EACH, Duration.ofSeconds(30));
                        List<?> tenures = db.getCollection("organ_bodies").find(new Document("_id", organ.getString("_id")))
                                .first().getList("tenures", Document.class);
                        assertThat(tenures).as("each appointment once in %s", organ.getString("_id")).hasSize(LEADERS_EACH);
                    }
                }
                assertThat(db.getCollection("dead_letters").countDocuments()).isZero();
                System.out.printf("meeting crash test: %d commands sent, %d answered 201 (%d before SIGKILL), "
                                + "%d events stored, %d records on the topic, %d organs (%d events) consumed%n",
                        sent.get(), acknowledged.size(), beforeCrash, storedIds.size(),
                        records.stream().filter(r -> r.key().startsWith(run)).count(), STREAMED_ORGANS,
                        STREAMED_ORGANS * (LEADERS_EACH + 1));
            }
        }
    }

    private static void streamOrgans(OrganEventsFeed feed, String committee, String run) {
        for (int i = 1; i <= STREAMED_ORGANS; i++) {
            String organId = run + "-o" + i;
            feed.organCreated(committee, organId, "机关" + i, LocalDate.of(2024, 3, 1));
            for (int n = 1; n <= LEADERS_EACH; n++) {
                feed.leaderAppointed(organId, organId + "-m" + n, "成员" + n, n == 1 ? "PRINCIPAL" : "DEPUTY",
                        LocalDate.of(2024, 3, 1), false);
            }
            pause();
        }
    }

    private static long organsInView(MongoDatabase db, String run) {
        return db.getCollection("organ_bodies").countDocuments(new Document("_id",
                new Document("$regex", "^" + run)));
    }

    private static long sequenceOf(MongoDatabase db, String organId) {
        Document organ = db.getCollection("organ_bodies").find(new Document("_id", organId)).first();
        return organ == null ? -1 : ((Number) organ.get("sequence")).longValue();
    }

    private static Map<String, Object> convene(String organId, String meetingId) {
        Map<String, Object> body = new HashMap<>();
        body.put("meetingId", meetingId);
        body.put("organId", organId);
        body.put("kind", "AFFAIRS");
        body.put("convenerId", "h1");
        body.put("convenerBasis", "PRINCIPAL");
        body.put("scheduledAt", "2026-11-10T09:00:00+08:00");
        body.put("noticeGivenAt", "2026-11-08T09:00:00+08:00");
        body.put("recorderId", "recorder");
        body.put("agenda", List.of(Map.of("itemId", "i1", "title", "议题", "category", "OTHER")));
        return body;
    }

    private ChildService start(int port, int run) throws Exception {
        return ChildService.start(MeetingServiceApplication.class, "meeting-crash-service-" + run, port,
                TestInfrastructure.mongoUri(), DATABASE, TestInfrastructure.kafkaBootstrap());
    }
}
