package org.jiguan.oversight.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.jiguan.oversight.MutableClock;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.platform.messaging.EventConsumers;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.Latencies;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-SUP-2's reminder pass at scale (issue 12: the planner over 50,000 organs for one day in at most 2 s):
 * {@link ReminderScheduler#runOnce} over 5,000 organs, then over 50,000, fed through {@code organ-events} into the
 * running service (real Kafka, the local MongoDB-compatible store), 1,000 organs per committee. Every organ was
 * established in March 2025 and owes its 2025 report (due 2 February 2026); nine in ten filed it on time, one in ten
 * never did. On 15 June 2026 the first pass issues the tenth's ESCALATED reminders (measured apart: that is one
 * command each); the passes after it, that day and the next, find nothing new: those are the pass the timer runs
 * every 15 minutes, and the figure the target is about. Beside them, in the same run: the same pass folding every
 * organ's history (as every pass did before {@link ReminderObligations}; a new scheduler's first pass still does),
 * and the baseline, reading as many history documents of the same store with the plain driver. Not part of the normal build; run with
 * {@code ./mvnw -pl oversight-service -am verify -Pbenchmark -Dtest=ReminderPassBenchmark}
 * ({@code -Dbenchmark.reminder-organs=5000,50000} for the sizes).
 */
@Tag("benchmark")
class ReminderPassBenchmark extends OversightServiceTestBase {
    private static final LocalDate ESTABLISHED = LocalDate.of(2025, 3, 1);
    private static final LocalDate FILED = LocalDate.of(2026, 1, 20);
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
    private static final int PER_COMMITTEE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ReminderScheduler scheduler;
    @Autowired
    MutableClock clock;
    @Autowired
    EventConsumers consumers;
    @Autowired
    MongoDatabase serviceDatabase;
    @Autowired
    Histories histories;
    @Autowired
    ReminderObligations obligations;
    @Autowired
    ReminderTriggers triggers;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_reminder_pass_over_5000_and_50000_organs() throws Exception {
        String run = uniqueId("rp");
        List<String> lines = new ArrayList<>();
        int fed = 0;
        for (String size : System.getProperty("benchmark.reminder-organs", "5000,50000").split(",")) {
            int organs = Integer.parseInt(size.trim());
            long feedStarted = System.nanoTime();
            feed(run, fed, organs);
            double feedSeconds = (System.nanoTime() - feedStarted) / 1e9;
            fed = organs;

            clock.setDay(DAY);
            ReminderScheduler.Run issuing = scheduler.runOnce();
            ReminderScheduler.Run[] passes = new ReminderScheduler.Run[3];
            long[] millis = new long[passes.length];
            for (int i = 0; i < passes.length; i++) {
                clock.setDay(i == passes.length - 1 ? DAY.plusDays(1) : DAY);
                long started = System.nanoTime();
                passes[i] = scheduler.runOnce();
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            // The same pass folding every organ's history, as every pass did before the obligations: a new
            // scheduler's first pass (nothing left to issue by now).
            ReminderScheduler fresh = new ReminderScheduler(histories, obligations, triggers, commandGateway,
                    eventStore, clock, 2, new SimpleMeterRegistry());
            clock.setDay(DAY.plusDays(1));
            long foldStarted = System.nanoTime();
            ReminderScheduler.Run folding = fresh.runOnce();
            long foldMillis = (System.nanoTime() - foldStarted) / 1_000_000;
            long[] driver = new long[3];
            long documents = 0;
            for (int i = 0; i < driver.length; i++) {
                long started = System.nanoTime();
                documents = readWithThePlainDriver(organs);
                driver[i] = System.nanoTime() - started;
            }
            long stored = serviceDatabase.getCollection(HistoryStoreNames.organs()).countDocuments();
            lines.add(String.format("%,d organs of this run (%,d organ histories stored, %.0f s to feed):", organs,
                    stored, feedSeconds));
            lines.add(String.format("  first pass on %s: %,d organs, %,d reminders issued, %,d failed, in %,d ms",
                    DAY, issuing.organs(), issuing.issued().size(), issuing.failed(), issuing.millis()));
            for (int i = 0; i < passes.length; i++) {
                lines.add(String.format("  pass %d (%s): %,d organs, %,d open report years, %,d issued, in %,d ms",
                        i + 1, passes[i].day(), passes[i].organs(), passes[i].openYears(),
                        passes[i].issued().size(), millis[i]));
            }
            lines.add(String.format("  the same pass folding every history (a new scheduler's first): %,d organs, "
                    + "%,d issued, in %,d ms", folding.organs(), folding.issued().size(), foldMillis));
            lines.add(String.format("  baseline, the plain driver reading %,d documents of the same store: %s ms",
                    documents, Latencies.summary(driver)));
        }
        System.out.printf("%n=== oversight-service reminder pass (R-SUP-2) ===%n%s%n%n", String.join("\n", lines));
    }

    /**
     * Organs {@code from} (inclusive) to {@code to} (exclusive) of the run, each filing its 2025 report but every
     * tenth: {@code OrganCreated} and {@code AnnualReportFiled} as {@link org.jiguan.oversight.EventsFeed} builds them
     * (the first of each checked against organ-service's schema), sent without waiting for each ack, as a publisher
     * under load would.
     */
    private void feed(String run, int from, int to) throws InterruptedException {
        for (int c = from / PER_COMMITTEE; c < (to + PER_COMMITTEE - 1) / PER_COMMITTEE; c++) {
            FEED.committeeRegistered(run + "-c" + c, PER_COMMITTEE);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = from; i < to; i++) {
                String organ = organ(run, i);
                String committee = run + "-c" + (i / PER_COMMITTEE);
                ObjectNode created = JSON.createObjectNode().put("organId", organ).put("committeeId", committee)
                        .put("committeeLevel", "PROVINCIAL").put("parentCommitteeId", "central").put("name", "机关" + i)
                        .put("kind", "FUNCTIONAL_DEPARTMENT").put("mode", "STANDALONE")
                        .put("establishedOn", ESTABLISHED.toString()).put("staffingQuota", 40)
                        .put("leadershipQuota", 5).putNull("relatedDepartment").putNull("coordinationBody")
                        .putNull("field").put("countedInQuota", true);
                created.set("approval", JSON.valueToTree(Map.of("proposedBy", "省委编办", "approvedBy",
                        "UPPER_ESTABLISHMENT_COMMITTEE", "approverCommitteeId", "central", "documentNo",
                        "编字〔2024〕1号", "approvedOn", ESTABLISHED.minusDays(10).toString())));
                send(producer, i == from, "OrganCreated", organ, 0, created);
                if (i % 10 != 9) {
                    ObjectNode filed = JSON.createObjectNode().put("organId", organ).put("committeeId", committee)
                            .put("year", 2025).put("filedOn", FILED.toString()).put("documentNo", "报〔2025〕1号")
                            .put("summary", "全面工作情况").put("supplement", false);
                    send(producer, i == from, "AnnualReportFiled", organ, 1, filed);
                }
            }
            producer.flush();
        }
        awaitOrganEvents(organ(run, to - 1), to % 10 == 0 ? 1 : 2);
        long deadline = System.nanoTime() + 600_000_000_000L;
        int quiet = 0;
        while (quiet < 5 && System.nanoTime() < deadline) {
            boolean caughtUp = consumers.all().stream().allMatch(c -> c.lag() == 0);
            quiet = caughtUp ? quiet + 1 : 0;
            Thread.sleep(200);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, boolean check, String type, String organ,
                             long sequence, ObjectNode data) {
        if (check) {
            EventSchemas.assertMatchesSchemaOf("organ-service", type, data);
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("organ-events", organ,
                data.toString().getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", "/organ-service",
                "ce_type", "jiguan.organ." + type, "ce_time", Instant.now().toString(), "ce_subject", organ,
                "ce_sequence", Long.toString(sequence), "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    private static String organ(String run, int i) {
        return run + "-o" + i;
    }

    /** Reads {@code count} organ-history documents, whole, with the driver alone: what any pass over them costs. */
    private long readWithThePlainDriver(int count) {
        long read = 0;
        for (Document ignored : serviceDatabase.getCollection(HistoryStoreNames.organs()).find().limit(count)
                .batchSize(1_000)) {
            read++;
        }
        return read;
    }

    /** The live generation's organ histories (no rebuild runs here). */
    private static final class HistoryStoreNames {
        static String organs() {
            return HistoryStore.collectionName(AggregateKind.ORGAN, "");
        }
    }
}
