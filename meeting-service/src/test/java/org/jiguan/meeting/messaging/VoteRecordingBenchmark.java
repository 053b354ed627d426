package org.jiguan.meeting.messaging;

import static org.jiguan.platform.testing.Latencies.timed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Vote recording: meetings of an organ with a nine-member body, all present, each with five items; every item
 * is put to the vote, each member's vote is recorded over HTTP (until its event is stored) and the item closed.
 * Measures RecordVote latency and throughput, then how long until every vote is on {@code meeting-events}. Not
 * part of the normal build; run with {@code ./mvnw -pl meeting-service -am verify -Pbenchmark}
 * ({@code -Dbenchmark.meetings=}, {@code -Dbenchmark.clients=}: each client runs its own meetings).
 */
@Tag("benchmark")
class VoteRecordingBenchmark extends MeetingServiceTestBase {
    private static final int BODY = 9;
    private static final int ITEMS = 5;

    @Test
    void vote_latency_and_throughput() throws InterruptedException {
        int meetings = Integer.getInteger("benchmark.meetings", 40);
        int clients = Integer.getInteger("benchmark.clients", 1);
        Organ organ = organOfSize(BODY);
        ApiClient office = officeOf(organ);
        runMeeting(organ, office, new long[BODY * ITEMS], 0); // warm-up

        long[] latencies = new long[meetings * ITEMS * BODY];
        List<String> meetingIds = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        long started = System.nanoTime();
        Latencies.inClients(clients, client -> {
            for (int m = client; m < meetings; m += clients) {
                meetingIds.add(runMeeting(organ, office, latencies, m * ITEMS * BODY));
                if (done.incrementAndGet() % 10 == 0) {
                    System.out.printf("benchmark: %d/%d meetings%n", done.get(), meetings);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long publishStarted = System.nanoTime();
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "meeting-events")) {
            reader.readUntil(seen -> seen.stream().filter(r -> meetingIds.contains(r.key())
                    && r.header("ce_type").endsWith("VoteRecorded")).count() >= latencies.length, Duration.ofMinutes(5));
        }
        double drainSeconds = (System.nanoTime() - publishStarted) / 1e9;
        System.out.printf("%n=== meeting-service vote recording: %d votes (%d meetings x %d items x %d members), "
                + "%d client(s) ===%n", latencies.length, meetings, ITEMS, BODY, clients);
        System.out.printf("votes/s while voting (incl. opening and closing each item): %.1f%n",
                latencies.length / seconds);
        System.out.printf("RecordVote latency ms: %s%n", Latencies.summary(latencies));
        System.out.printf("Kafka: last vote on the topic %.2f s after the last command was answered%n%n", drainSeconds);
    }

    /** Convenes, opens and votes one meeting; RecordVote latencies go to {@code latencies} from {@code at}. */
    private String runMeeting(Organ organ, ApiClient office, long[] latencies, int at) {
        Map<String, Object>[] agenda = new Map[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            agenda[i] = item("i" + i, "OTHER");
        }
        String meeting = affairsMeeting(organ, agenda);
        open(organ, meeting, BODY, BODY);
        int slot = at;
        for (int i = 0; i < ITEMS; i++) {
            String item = "i" + i;
            openVoting(organ, meeting, item, "ROLL_CALL");
            for (int n = 1; n <= BODY; n++) {
                Map<String, Object> vote = Map.of("memberId", organ.member(n), "choice", n % 4 == 0 ? "AGAINST" : "FOR");
                latencies[slot++] = timed(() -> expectStatus(office.post(itemPath(meeting, item, "votes"), vote), 200));
            }
            closeItem(organ, meeting, item, Map.of());
        }
        return meeting;
    }
}
