package org.jiguan.meeting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;

/**
 * Puts organ events on the real {@code organ-events} topic as organ-service publishes them (CloudEvents in
 * binary mode, key and subject the organ id, one sequence per organ), each checked against organ-service's
 * published JSON Schema first, so meeting-service is tested against the producer's contract.
 */
public final class OrganEventsFeed implements AutoCloseable {
    public static final String TOPIC = "organ-events";
    private static final Path ORGAN_SCHEMAS = Path.of("..", "organ-service", "src", "main", "resources", "events");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrap(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Map<String, String> committees = new ConcurrentHashMap<>();

    public void organCreated(String committeeId, String organId, String name, LocalDate establishedOn) {
        committees.put(organId, committeeId);
        ObjectNode data = base(organId);
        data.put("committeeLevel", "PROVINCIAL").put("parentCommitteeId", "central").put("name", name)
                .put("kind", "FUNCTIONAL_DEPARTMENT").put("mode", "STANDALONE")
                .put("establishedOn", establishedOn.toString()).put("staffingQuota", 40).put("leadershipQuota", 9)
                .put("relatedDepartment", (String) null).put("coordinationBody", (String) null)
                .put("field", (String) null).put("countedInQuota", true);
        data.set("approval", JSON.valueToTree(Map.of("proposedBy", "省委编办",
                "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE", "approverCommitteeId", "central",
                "documentNo", "编字〔2024〕1号", "approvedOn", establishedOn.minusDays(10).toString())));
        send("OrganCreated", organId, data);
    }

    public void leaderAppointed(String organId, String memberId, String name, String role, LocalDate since,
                                boolean concurrentUpperLevelPost) {
        ObjectNode data = base(organId).put("memberId", memberId).put("name", name).put("role", role)
                .put("since", since.toString()).put("concurrentUpperLevelPost", concurrentUpperLevelPost);
        data.putNull("approval");
        send("LeaderAppointed", organId, data);
    }

    public void leaderRemoved(String organId, String memberId, String name, String role, LocalDate on) {
        send("LeaderRemoved", organId, base(organId).put("memberId", memberId).put("name", name).put("role", role)
                .put("removedOn", on.toString()).put("reason", "工作调动"));
    }

    public void organAbolished(String organId, LocalDate on) {
        ObjectNode data = base(organId).put("abolishedOn", on.toString()).put("reason", "机构改革");
        data.set("approval", JSON.valueToTree(Map.of("proposedBy", "省委编办",
                "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE", "approverCommitteeId", "central",
                "documentNo", "编字〔2026〕9号", "approvedOn", on.minusDays(5).toString())));
        data.putNull("mergedInto");
        send("OrganAbolished", organId, data);
    }

    /** Sends the last event of an organ again, as a publisher retrying after a crash does. */
    public void raw(String type, String organId, long sequence, String eventId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, organId, value);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", eventId);
        header(record, "ce_source", "/organ-service");
        header(record, "ce_type", "jiguan.organ." + type);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", organId);
        header(record, "ce_sequence", Long.toString(sequence));
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("could not send " + type + " for " + organId, e);
        }
    }

    private ObjectNode base(String organId) {
        ObjectNode data = JSON.createObjectNode().put("organId", organId).put("committeeId", committees.get(organId));
        return data;
    }

    private void send(String type, String organId, ObjectNode data) {
        Set<ValidationMessage> errors = EventSchemas.validate(ORGAN_SCHEMAS, type, data);
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " does not match organ-service's schema: " + errors + "\n" + data);
        }
        long sequence = sequences.merge(organId, 0L, (last, ignored) -> last + 1);
        try {
            raw(type, organId, sequence, UUID.randomUUID().toString(), JSON.writeValueAsBytes(data));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
