package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's scenario with both services running as their own processes from their jars, over HTTP and Kafka:
 * an organ with a seven-member body is created in organ-service; meeting-service learns it from
 * {@code organ-events}; an affairs meeting with notice decides a PERSONNEL item by secret ballot (two thirds
 * present, one member recused), rejects an item most of those present voted for, defers a third; minutes are
 * recorded and issued by the principal; a task is set on the decision and the committee revokes it. The whole
 * meeting is then read back from {@code meeting-events} as CloudEvents, each checked against its schema.
 */
class MeetingScenarioTest {
    private static final Path MEETING_SCHEMAS = Path.of("..", "meeting-service", "src", "main", "resources", "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceCatalog.Service organService;
    private static ServiceCatalog.Service meetingService;

    @BeforeAll
    static void bothServicesRun() {
        RunningServices services = RunningServices.organAndMeeting();
        organService = services.organService;
        meetingService = services.meetingService;
    }

    @Test
    void an_affairs_meeting_from_notice_to_revocation() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String central = "central-" + suffix;
        String province = "prov-" + suffix;
        String organ = "zzb-" + suffix;
        ApiClient organs = ApiClient.admin(organService.baseUrl());

        // organ-service: a provincial committee's organisation department with a seven-member body.
        expect(organs.post("/api/v1/committees", Map.of("committeeId", central, "name", "党中央",
                "level", "CENTRAL", "organQuota", 30)), 201);
        expect(organs.post("/api/v1/committees", Map.of("committeeId", province, "name", "某省委",
                "level", "PROVINCIAL", "parentCommitteeId", central, "organQuota", 20)), 201);
        Map<String, Object> organBody = new LinkedHashMap<>();
        organBody.put("organId", organ);
        organBody.put("committeeId", province);
        organBody.put("name", "省委组织部");
        organBody.put("kind", "FUNCTIONAL_DEPARTMENT");
        organBody.put("mode", "STANDALONE");
        organBody.put("establishedOn", "2024-03-01");
        organBody.put("staffingQuota", 80);
        organBody.put("leadershipQuota", 7);
        organBody.put("approval", Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", central, "documentNo", "中编字〔2024〕1号", "approvedOn", "2024-02-20"));
        expect(organs.post("/api/v1/organs", organBody), 201);
        String[] roles = {"PRINCIPAL", "DEPUTY", "DEPUTY", "DISCIPLINE_GROUP_LEADER", "MEMBER", "MEMBER", "MEMBER"};
        for (int i = 1; i <= 7; i++) {
            expect(organs.post("/api/v1/organs/" + organ + "/leaders", Map.of("memberId", "m" + i,
                    "name", "成员" + i, "role", roles[i - 1], "since", "2025-01-01")), 201);
        }

        // meeting-service: the organ office of that organ convenes an affairs meeting, notice two days ahead.
        ApiClient office = ApiClient.as(meetingService.baseUrl(), List.of("ORGAN_OFFICE"), List.of(province),
                List.of(organ));
        String meeting = "meeting-" + suffix;
        Map<String, Object> convene = new LinkedHashMap<>();
        convene.put("meetingId", meeting);
        convene.put("organId", organ);
        convene.put("kind", "AFFAIRS");
        convene.put("convenerId", "m1");
        convene.put("convenerBasis", "PRINCIPAL");
        convene.put("scheduledAt", "2026-11-10T09:00:00+08:00");
        convene.put("noticeGivenAt", "2026-11-08T09:00:00+08:00");
        convene.put("recorderId", "rec-1");
        convene.put("agenda", List.of(
                Map.of("itemId", "personnel", "title", "干部任免事项", "category", "PERSONNEL"),
                Map.of("itemId", "project", "title", "重大项目安排", "category", "MAJOR_PROJECT"),
                Map.of("itemId", "policy", "title", "某项政策措施", "category", "POLICY_MEASURES")));
        convene.put("nonVotingAttendees", List.of(Map.of("personId", "staff-1", "name", "办公室主任")));
        expect(untilOrganKnown(() -> office.post("/api/v1/meetings", convene)), 201);

        for (String item : List.of("personnel", "project")) {
            for (String step : List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION", "LEGALITY_REVIEW")) {
                expect(office.post(path(meeting, item, "preparation"), Map.of("step", step,
                        "completedOn", "2026-11-05", "note", "已完成")), 200);
            }
        }
        // Five of seven present; m6 absent with a written opinion that never counts; m7 absent.
        expect(office.post("/api/v1/meetings/" + meeting + "/opening", Map.of(
                "openedAt", "2026-11-10T09:05:00+08:00", "present", List.of("m1", "m2", "m3", "m4", "m5"),
                "absent", List.of(Map.of("memberId", "m6", "writtenOpinion", "同意"), Map.of("memberId", "m7")))), 200);

        // PERSONNEL by secret ballot: 5 of 7 present, at least two thirds; 4 FOR > 3.5 → adopted.
        expect(office.post(path(meeting, "personnel", "voting"), Map.of("method", "SECRET_BALLOT")), 200);
        for (String member : List.of("m1", "m2", "m3", "m4", "m5")) {
            expect(office.post(path(meeting, "personnel", "votes"), Map.of("memberId", member)), 200);
        }
        String decision = "decision-" + suffix;
        JsonNode adopted = expect(office.post(path(meeting, "personnel", "closing"), Map.of("decisionId", decision,
                "ballotCount", Map.of("forVotes", 4, "againstVotes", 1, "abstentions", 0),
                "positionsOrder", List.of("m2", "m3", "m4", "m5", "m1"))), 200).body();
        assertThat(adopted.path("outcome").asText()).isEqualTo("ADOPTED");

        // m5 recuses from the project; 3 of the 4 voting (and of the 5 present) are FOR, but 3 ≤ 7/2 → rejected.
        expect(office.post(path(meeting, "project", "recusals"), Map.of("memberId", "m5", "reason", "亲属任职于承建单位")), 200);
        expect(office.post(path(meeting, "project", "voting"), Map.of("method", "SHOW_OF_HANDS")), 200);
        Map<String, String> choices = Map.of("m1", "FOR", "m2", "FOR", "m3", "FOR", "m4", "AGAINST");
        for (var vote : choices.entrySet()) {
            expect(office.post(path(meeting, "project", "votes"), Map.of("memberId", vote.getKey(),
                    "choice", vote.getValue())), 200);
        }
        JsonNode rejected = expect(office.post(path(meeting, "project", "closing"), Map.of()), 200).body();
        assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");

        expect(office.post(path(meeting, "policy", "closing"), Map.of("defer", true,
                "reason", "意见分歧较大,需进一步调研")), 200);
        expect(office.post("/api/v1/meetings/" + meeting + "/adjournment", Map.of("at", "2026-11-10T11:30:00+08:00")), 200);
        expect(office.post("/api/v1/meetings/" + meeting + "/minutes", Map.of("recorderId", "rec-1",
                "text", "会议审议了三项议题……")), 200);
        expect(office.post("/api/v1/meetings/" + meeting + "/minutes/issue", Map.of("signedBy", "m1")), 200);

        expect(office.post("/api/v1/decisions/" + decision + "/tasks", Map.of("taskId", "t1", "owner", "干部一处",
                "dueOn", "2026-12-31", "description", "办理任职手续")), 201);
        ApiClient committeeOffice = ApiClient.as(meetingService.baseUrl(), List.of("COMMITTEE_OFFICE"),
                List.of(province), List.of());
        expect(committeeOffice.post("/api/v1/decisions/" + decision + "/revocation", Map.of("committeeId", province,
                "action", "REVOKE", "reason", "任免程序不符合规定", "on", "2026-11-20")), 200);

        List<TopicReader.Record> events = meetingEvents(meeting, decision);
        List<String> types = events.stream().map(r -> r.header("ce_type")).toList();
        assertThat(types).containsSubsequence("jiguan.meeting.MeetingConvened", "jiguan.meeting.MeetingOpened",
                "jiguan.meeting.VotingOpened", "jiguan.meeting.ItemAdopted", "jiguan.meeting.MemberRecused",
                "jiguan.meeting.ItemRejected", "jiguan.meeting.ItemDeferred", "jiguan.meeting.MinutesIssued");
        assertThat(types).contains("jiguan.meeting.DecisionTaken", "jiguan.meeting.DecisionTaskAssigned",
                "jiguan.meeting.DecisionRevokedByCommittee");
        for (TopicReader.Record record : events) {
            assertThat(record.header("ce_source")).isEqualTo("/meeting-service");
            assertThat(record.header("ce_subject")).isEqualTo(record.key());
            String type = record.header("ce_type").substring("jiguan.meeting.".length());
            assertThat(EventSchemas.validate(MEETING_SCHEMAS, type, JSON.readTree(record.value())))
                    .as("%s against its schema", type).isEmpty();
        }
        JsonNode secretVote = events.stream().filter(r -> r.header("ce_type").endsWith("VoteRecorded")
                && r.value().contains("\"personnel\"")).map(r -> read(r.value())).findFirst().orElseThrow();
        assertThat(secretVote.path("choice").isNull()).as("a secret ballot keeps who voted, not how").isTrue();
    }

    private static List<TopicReader.Record> meetingEvents(String meeting, String decision) {
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "meeting-events")) {
            return reader.readUntil(records -> records.stream().anyMatch(r -> decision.equals(r.key())
                            && r.header("ce_type").endsWith("DecisionRevokedByCommittee")), Duration.ofSeconds(60))
                    .stream().filter(r -> meeting.equals(r.key()) || decision.equals(r.key())).toList();
        }
    }

    /** meeting-service learns organs from organ-events a moment after organ-service stored them: 409 until then. */
    private static ApiClient.Response untilOrganKnown(java.util.function.Supplier<ApiClient.Response> command)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        ApiClient.Response response = command.get();
        while (response.status() == 409 && response.raw().contains("not yet known") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            response = command.get();
        }
        return response;
    }

    private static String path(String meeting, String item, String act) {
        return "/api/v1/meetings/" + meeting + "/items/" + item + "/" + act;
    }

    private static ApiClient.Response expect(ApiClient.Response response, int status) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        return response;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
