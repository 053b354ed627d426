package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.ChildService.freePort;
import static org.jiguan.platform.testing.ChildService.pause;
import static org.jiguan.platform.testing.ChildService.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.StoreProcess;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing and nothing lost, while the store process and the service are each killed with SIGKILL twice
 * in the middle of racing commands: pairs of CreateOrgan with one organ id and different kinds (a committee and
 * an organ in one commit), and headcounts. Afterwards every organ answered 201 is stored once, every organ has
 * exactly one quota slot and every slot one organ, and every stored event is on the topic and nothing else.
 */
class KillLoopTest {
    private static final String DATABASE = "organ-kill-loop-test";

    @Test
    void commands_stay_whole_and_acknowledged_ones_survive_kills_of_the_store_and_the_service(@TempDir Path data)
            throws Exception {
        TestInfrastructure.start();
        StoreProcess store = StoreProcess.start(data, freePort());
        int port = freePort();
        ChildService service = startService(store, port);
        String central = "kill-central-" + System.nanoTime();
        String committee = "kill-prov-" + System.nanoTime();
        ApiClient admin = ApiClient.admin(service.baseUrl());
        TestRequests.registerCommittees(admin, central, committee, 10_000);

        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger next = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String kind = c % 2 == 0 ? "FUNCTIONAL_DEPARTMENT" : "DISPATCHED_ORGAN";
            int client = c;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    // clients 0 and 1 race for the same ids, as do 2 and 3
                    String organId = committee + "-o" + (client < 2 ? "a" : "b") + next.get() / 2;
                    next.incrementAndGet();
                    Map<String, Object> body = new HashMap<>(TestRequests.createOrgan(committee, central, organId));
                    body.put("kind", kind);
                    if (kind.equals("DISPATCHED_ORGAN")) {
                        body.put("field", "教育系统");
                    }
                    try {
                        ApiClient.Response r = admin.post("/api/v1/organs", body);
                        if (r.status() == 201) {
                            created.add(organId);
                            admin.post("/api/v1/organs/" + organId + "/headcount",
                                    Map.of("headcount", 3, "asOf", "2025-06-30"));
                        } else if (r.status() >= 500) {
                            pause();
                        }
                    } catch (RuntimeException down) {
                        pause(); // no answer: may or may not be stored
                    }
                }
            }, "kill-loop-client-" + c);
            thread.start();
            clients.add(thread);
        }
        try {
            for (int round = 0; round < 2; round++) {
                int before = created.size();
                waitUntil(() -> created.size() >= before + 15, Duration.ofSeconds(90));
                store = store.killAndRestart();
                int afterStore = created.size();
                waitUntil(() -> created.size() >= afterStore + 15, Duration.ofSeconds(90));
                service.kill();
                service = startService(store, port);
            }
            int last = created.size();
            waitUntil(() -> created.size() >= last + 10, Duration.ofSeconds(90));
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }

        List<StoredEvent> stored;
        try (MongoClient mongo = MongoClients.create(store.uri())) {
            stored = StoredEvents.all(mongo.getDatabase(DATABASE));
        }
        Map<String, Long> createdTimes = stored.stream().filter(e -> e.is("OrganCreated"))
                .collect(Collectors.groupingBy(StoredEvent::aggregateId, Collectors.counting()));
        for (String organId : created) {
            assertThat(createdTimes.get(organId)).as("OrganCreated of %s (answered 201)", organId).isEqualTo(1L);
        }
        RacingCreatesTest.assertOneSlotPerOrganAndOneOrganPerSlot(stored, committee);

        Set<String> storedIds = stored.stream().filter(e -> e.aggregateId().startsWith(committee))
                .map(StoredEvent::id).collect(Collectors.toSet());
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
            List<TopicReader.Record> records = reader.readUntil(
                    seen -> TopicReader.ceIds(seen, committee).containsAll(storedIds), Duration.ofSeconds(90));
            assertThat(TopicReader.ceIds(records, committee)).as("the topic holds what is stored, and only that")
                    .isEqualTo(storedIds);
            System.out.printf("kill loop: %d organs answered 201, %d events stored and on the topic, "
                    + "after 2 SIGKILLs of the store and 2 of the service%n", created.size(), storedIds.size());
        } finally {
            service.close();
            store.close();
        }
    }

    private static ChildService startService(StoreProcess store, int port) throws Exception {
        return ChildService.start(OrganServiceApplication.class, "kill-loop", port, store.uri(), DATABASE,
                TestInfrastructure.kafkaBootstrap(), "-Djiguan.event-store.gap-timeout=1s");
    }
}
