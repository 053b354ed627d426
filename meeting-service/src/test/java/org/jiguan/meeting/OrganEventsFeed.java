package org.jiguan.meeting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiguan.platform.testing.CloudEventProducer;
import org.jiguan.platform.testing.EventSchemas;

/**
 * Puts organ events on the real {@code organ-events} topic as organ-service publishes them (CloudEvents in
 * binary mode, key and subject the organ id, one sequence per organ), each checked against organ-service's
 * published JSON Schema first, so meeting-service is tested against the producer's contract.
 */
public final class OrganEventsFeed implements AutoCloseable {
    public static final String TOPIC = "organ-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventProducer producer = new CloudEventProducer();
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

    /** A committee's registration, on its own stream (key and subject the committee id). */
    public void committeeRegistered(String committeeId, String level, String parentCommitteeId) {
        ObjectNode data = JSON.createObjectNode().put("committeeId", committeeId).put("name", "委员会" + committeeId)
                .put("level", level).put("parentCommitteeId", parentCommitteeId).put("organQuota", 30);
        data.set("policy", JSON.valueToTree(Map.of("reportDueMonthDay", "--01-31", "cutOffMonthDay", "--09-30",
                "reminderOffsets", java.util.List.of(-30, -7, 0, 1, 30), "calendar", "CN")));
        data.set("reservedDuties", JSON.createArrayNode());
        send("CommitteeRegistered", committeeId, data);
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
        producer.send(new CloudEventProducer.Sent(TOPIC, "jiguan.organ." + type, organId, sequence, eventId,
                Instant.now(), value));
    }

    private ObjectNode base(String organId) {
        ObjectNode data = JSON.createObjectNode().put("organId", organId).put("committeeId", committees.get(organId));
        return data;
    }

    private void send(String type, String organId, ObjectNode data) {
        EventSchemas.assertMatchesSchemaOf("organ-service", type, data);
        producer.send(TOPIC, "jiguan.organ." + type, organId, Instant.now(),
                data.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
