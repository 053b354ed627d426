package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.meeting.api.MeetingEvent;
import org.jiguan.platform.messaging.Topics;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.Test;

/**
 * Reads the real {@code meeting-events} topic after three meetings and their decisions were sent over HTTP, and
 * checks every record: CloudEvents binary-mode headers of CONTRACT.md, key = aggregate id (meetingId or
 * decisionId), each aggregate's events in stored order with {@code ce_sequence} from 0, and the value against its
 * event type's JSON Schema. Every event type of the service must have appeared, and each aggregate's stream is
 * exactly the events its commands stored: nothing stored is left unpublished. The same holds for
 * {@code meeting-records}, which carries the confidential content {@code meeting-events} leaves out (R-MEET-15).
 */
class CloudEventsOnTopicTest extends MeetingServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_PREFIX = "jiguan.meeting.";
    private static final List<String> MAJOR_STEPS = List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION",
            "LEGALITY_REVIEW");

    /** The event types each aggregate should publish, in order, as the commands below store them. */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();

    @Test
    void every_event_reaches_the_topic_as_a_cloudevent_that_matches_its_schema() throws Exception {
        String committee = uniqueId("prov");
        // A seven-member body: two thirds is 5, more than half is 4 (R-MEET-6).
        String organ = organWithBody(committee, "PRINCIPAL", "DEPUTY", "DEPUTY", "DISCIPLINE_GROUP_LEADER", "MEMBER",
                "MEMBER", "MEMBER");
        String m1 = member(organ, 1);
        String m2 = member(organ, 2);
        String m3 = member(organ, 3);
        String m4 = member(organ, 4);
        String m5 = member(organ, 5);
        String m6 = member(organ, 6);
        String m7 = member(organ, 7);
        ApiClient office = organOffice(committee, organ);

        // ---- An affairs meeting with two days' notice (R-MEET-4), chaired by the principal (R-MEET-3).
        String affairs = uniqueId("mtg");
        Map<String, Object> convene = new LinkedHashMap<>();
        convene.put("meetingId", affairs);
        convene.put("organId", organ);
        convene.put("kind", "AFFAIRS");
        convene.put("convenerId", m1);
        convene.put("convenerBasis", "PRINCIPAL");
        convene.put("scheduledAt", "2026-11-10T09:00:00+08:00");
        convene.put("noticeGivenAt", "2026-11-08T09:00:00+08:00");
        convene.put("recorderId", "rec-1");
        convene.put("agenda", List.of(
                Map.of("itemId", "personnel", "title", "干部任免事项", "category", "PERSONNEL"),
                Map.of("itemId", "project", "title", "重大项目安排", "category", "MAJOR_PROJECT", "macroPolicy", true),
                Map.of("itemId", "measures", "title", "某项政策措施", "category", "POLICY_MEASURES"),
                Map.of("itemId", "policy", "title", "另一项政策措施", "category", "POLICY_MEASURES"),
                Map.of("itemId", "building", "title", "党的建设工作", "category", "PARTY_BUILDING")));
        convene.put("nonVotingAttendees", List.of(Map.of("personId", "staff-1", "name", "办公室主任")));
        command(office.post("/api/v1/meetings", convene), 201, affairs, "MeetingConvened");

        // R-MEET-8: the major items' preparation, the macro-policy one with its assessment.
        for (String step : MAJOR_STEPS) {
            prepare(office, affairs, "personnel", step);
            prepare(office, affairs, "project", step);
        }
        prepare(office, affairs, "project", "MACRO_POLICY_ASSESSMENT");

        // Five of seven present; m6 absent with a written opinion that never counts; m7 absent without one.
        command(office.post("/api/v1/meetings/" + affairs + "/opening", Map.of(
                "openedAt", "2026-11-10T09:05:00+08:00", "present", List.of(m1, m2, m3, m4, m5),
                "absent", List.of(Map.of("memberId", m6, "writtenOpinion", "同意"), Map.of("memberId", m7)))), 200,
                affairs, "MeetingOpened");

        // PERSONNEL by secret ballot: who voted, not how; the tellers' count 4 FOR > 7/2 adopts it.
        vote(office, affairs, "personnel", "SECRET_BALLOT", all(null, m1, m2, m3, m4, m5));
        String appointment = uniqueId("dec");
        JsonNode adopted = command(office.post(itemPath(affairs, "personnel", "closing"), Map.of(
                "decisionId", appointment,
                "ballotCount", Map.of("forVotes", 4, "againstVotes", 1, "abstentions", 0),
                "positionsOrder", List.of(m2, m3, m4, m5, m1))), 200, affairs, "ItemAdopted");
        assertThat(adopted.path("outcome").asText()).isEqualTo("ADOPTED");
        expect(appointment, "DecisionTaken");

        // m5 recuses from the project (R-MEET-7); 3 FOR of 7 who should attend is not more than half: rejected.
        command(office.post(itemPath(affairs, "project", "recusals"), Map.of("memberId", m5, "reason", "亲属任职于承建单位")),
                200, affairs, "MemberRecused");
        Map<String, String> choices = all("FOR", m1, m2, m3);
        choices.put(m4, "AGAINST");
        vote(office, affairs, "project", "SHOW_OF_HANDS", choices);
        JsonNode rejected = command(office.post(itemPath(affairs, "project", "closing"), Map.of(
                "positionsOrder", List.of(m2, m3, m4, m1))), 200, affairs, "ItemRejected");
        assertThat(rejected.path("outcome").asText()).isEqualTo("REJECTED");

        // Policy measures by oral vote, all five FOR: adopted; reconsidered at a later meeting below.
        vote(office, affairs, "measures", "ORAL", all("FOR", m1, m2, m3, m4, m5));
        String measures = uniqueId("dec");
        command(office.post(itemPath(affairs, "measures", "closing"), Map.of("decisionId", measures)), 200, affairs,
                "ItemAdopted");
        expect(measures, "DecisionTaken");

        // The chair defers one item (暂缓表决); another is left undecided when the meeting ends.
        command(office.post(itemPath(affairs, "policy", "closing"), Map.of("defer", true,
                "reason", "意见分歧较大,需进一步调研")), 200, affairs, "ItemDeferred");
        command(office.post("/api/v1/meetings/" + affairs + "/adjournment",
                Map.of("at", "2026-11-10T11:30:00+08:00")), 200, affairs, "MeetingAdjourned");
        command(office.post("/api/v1/meetings/" + affairs + "/minutes", Map.of("recorderId", "rec-1",
                "text", "会议审议了五项议题……")), 200, affairs, "MinutesRecorded");
        command(office.post("/api/v1/meetings/" + affairs + "/minutes", Map.of("recorderId", "rec-1",
                "text", "会议审议了五项议题,修订稿……")), 200, affairs, "MinutesRecorded");
        command(office.post("/api/v1/meetings/" + affairs + "/minutes/issue", Map.of("signedBy", m1,
                "circulation", Map.of("roles", List.of("OVERSIGHT_VIEWER"), "committees", List.of(committee)))), 200,
                affairs, "MinutesIssued");

        // R-MEET-12: a task and its feedback; R-MEET-13: the committee revokes the appointment.
        command(office.post("/api/v1/decisions/" + appointment + "/tasks", Map.of("taskId", "t1", "owner", "干部一处",
                "dueOn", "2026-12-31", "description", "办理任职手续")), 201, appointment, "DecisionTaskAssigned");
        command(office.post("/api/v1/decisions/" + appointment + "/tasks/t1/feedback", Map.of(
                "reportedOn", "2026-11-12", "done", false, "note", "已完成考察谈话")), 200, appointment,
                "TaskFeedbackReported");
        command(committeeOffice(committee).post("/api/v1/decisions/" + appointment + "/revocation", Map.of(
                "committeeId", committee, "action", "REVOKE", "reason", "任免程序不符合规定", "on", "2026-11-21")), 200,
                appointment, "DecisionRevokedByCommittee");

        // ---- An emergency meeting without notice, chaired on the principal's delegation; an item added at it.
        String emergency = uniqueId("mtg");
        Map<String, Object> urgentMeeting = new LinkedHashMap<>();
        urgentMeeting.put("meetingId", emergency);
        urgentMeeting.put("organId", organ);
        urgentMeeting.put("kind", "AFFAIRS");
        urgentMeeting.put("convenerId", m2);
        urgentMeeting.put("convenerBasis", "DELEGATED_BY_PRINCIPAL");
        urgentMeeting.put("mandate", Map.of("grantedBy", m1, "grantedOn", "2026-11-14"));
        urgentMeeting.put("scheduledAt", "2026-11-15T14:00:00+08:00");
        urgentMeeting.put("emergency", true);
        urgentMeeting.put("emergencyReason", "汛情突发,需立即研究应急处置");
        urgentMeeting.put("recorderId", "rec-2");
        urgentMeeting.put("agenda", List.of(Map.of("itemId", "flood", "title", "防汛应急处置", "category", "OTHER")));
        command(office.post("/api/v1/meetings", urgentMeeting), 201, emergency, "MeetingConvened");
        command(office.post("/api/v1/meetings/" + emergency + "/items", Map.of("itemId", "supplies",
                "title", "紧急调拨救灾物资", "category", "OTHER")), 201, emergency, "AgendaItemAdded");
        command(office.post("/api/v1/meetings/" + emergency + "/opening", Map.of(
                "openedAt", "2026-11-15T14:10:00+08:00", "present", List.of(m1, m2, m3, m4),
                "absent", List.of(Map.of("memberId", m5), Map.of("memberId", m6), Map.of("memberId", m7)))), 200,
                emergency, "MeetingOpened");
        vote(office, emergency, "flood", "ROLL_CALL", all("FOR", m1, m2, m3, m4));
        String flood = uniqueId("dec");
        command(office.post(itemPath(emergency, "flood", "closing"), Map.of("decisionId", flood,
                "positionsOrder", List.of(m1, m3, m4, m2))), 200, emergency, "ItemAdopted");
        expect(flood, "DecisionTaken");
        command(office.post("/api/v1/meetings/" + emergency + "/adjournment",
                Map.of("at", "2026-11-15T16:00:00+08:00")), 200, emergency, "MeetingAdjourned");

        // ---- An urgent decision of the principal alone (R-MEET-14).
        String urgent = uniqueId("dec");
        command(office.post("/api/v1/urgent-decisions", Map.of("decisionId", urgent, "organId", organ,
                "decidedBy", m1, "title", "紧急调拨防汛物资", "category", "LARGE_FUNDS", "decidedOn", "2026-11-16",
                "reason", "汛情突发,无法及时召开部务会议")), 201, urgent, "UrgentDecisionTaken");

        // ---- A later affairs meeting: the urgent decision is reported to it, and it reconsiders (复议) a decision.
        String later = uniqueId("mtg");
        Map<String, Object> reconvene = new LinkedHashMap<>();
        reconvene.put("meetingId", later);
        reconvene.put("organId", organ);
        reconvene.put("kind", "AFFAIRS");
        reconvene.put("convenerId", m1);
        reconvene.put("convenerBasis", "PRINCIPAL");
        reconvene.put("scheduledAt", "2026-11-20T09:00:00+08:00");
        reconvene.put("noticeGivenAt", "2026-11-18T17:00:00+08:00");
        reconvene.put("recorderId", "rec-1");
        reconvene.put("agenda", List.of(Map.of("itemId", "reconsider", "title", "复议某项政策措施",
                "category", "POLICY_MEASURES", "reconsidersDecisionId", measures)));
        command(office.post("/api/v1/meetings", reconvene), 201, later, "MeetingConvened");
        command(office.post("/api/v1/meetings/" + later + "/opening", Map.of(
                "openedAt", "2026-11-20T09:00:00+08:00", "present", List.of(m1, m2, m3, m4, m5),
                "absent", List.of(Map.of("memberId", m6), Map.of("memberId", m7)))), 200, later, "MeetingOpened");
        // meeting-service lists the organ's affairs meetings from its own events (R-MEET-14): 409 until it has.
        ApiClient.Response[] reported = new ApiClient.Response[1];
        await(() -> (reported[0] = office.post("/api/v1/urgent-decisions/" + urgent + "/report",
                Map.of("meetingId", later))).status() != 409, "the later meeting in the organ's affairs meetings");
        command(reported[0], 200, urgent, "UrgentDecisionReported");
        // R-DEC-1: the urgent decision is reported to the committee, signed by the principal, and the committee replies.
        command(office.post("/api/v1/decisions/" + urgent + "/committee-report", Map.of("reportedOn", "2026-11-17",
                "documentNo", "组〔2026〕12号", "signedBy", m1)), 200, urgent, "DecisionReportedToCommittee");
        command(committeeOffice(committee).post("/api/v1/decisions/" + urgent + "/committee-report/reply",
                Map.of("kind", "REPLY", "repliedOn", "2026-11-19", "note", "同意")), 200, urgent,
                "CommitteeReplyRecorded");
        Map<String, String> reconsidering = all("FOR", m1, m2, m3, m4);
        reconsidering.put(m5, "ABSTAIN");
        vote(office, later, "reconsider", "SHOW_OF_HANDS", reconsidering);
        String replacement = uniqueId("dec");
        command(office.post(itemPath(later, "reconsider", "closing"), Map.of("decisionId", replacement)), 200, later,
                "ItemAdopted");
        expect(replacement, "DecisionTaken");
        expect(measures, "DecisionReconsidered");
        command(office.post("/api/v1/meetings/" + later + "/adjournment",
                Map.of("at", "2026-11-20T10:00:00+08:00")), 200, later, "MeetingAdjourned");

        // ---- Read both topics until every aggregate's stream is complete: the same events, in the same order.
        Map<String, List<Record>> byKey = published("meeting-events", organ, committee);
        Map<String, List<Record>> records = published(Topics.MEETING_RECORDS, organ, committee);
        assertThat(ceIds(records)).isEqualTo(ceIds(byKey));

        // R-MEET-15: meeting-events leaves the confidential content out; meeting-records carries it.
        assertThat(values(byKey.get(affairs), "MinutesRecorded")).allSatisfy(v -> assertThat(v.path("text").isNull())
                .isTrue());
        assertThat(values(records.get(affairs), "MinutesRecorded").get(1).path("text").asText())
                .isEqualTo("会议审议了五项议题,修订稿……");
        assertThat(values(byKey.get(affairs), "MeetingOpened").get(0).path("absent").get(0).path("writtenOpinion")
                .isNull()).isTrue();
        assertThat(values(records.get(affairs), "MeetingOpened").get(0).path("absent").get(0).path("writtenOpinion")
                .asText()).isEqualTo("同意");
        assertThat(values(byKey.get(affairs), "MemberRecused").get(0).path("reason").isNull()).isTrue();
        assertThat(values(records.get(affairs), "MemberRecused").get(0).path("reason").asText())
                .isEqualTo("亲属任职于承建单位");
        assertThat(values(byKey.get(affairs), "VoteRecorded")).allSatisfy(v -> assertThat(v.path("choice").isNull())
                .isTrue());
        assertThat(values(records.get(affairs), "VoteRecorded").stream()
                .filter(v -> v.path("itemId").asText().equals("project")).map(v -> v.path("choice").asText()))
                .containsExactly("FOR", "FOR", "FOR", "AGAINST");
        assertThat(values(byKey.get(affairs), "MinutesIssued").get(0).path("circulation").path("roles"))
                .extracting(JsonNode::asText).containsExactly("OVERSIGHT_VIEWER");

        // A secret ballot keeps who voted, not how; its outcome carries the tellers' count (R-MEET-9).
        List<JsonNode> secretVotes = values(byKey.get(affairs), "VoteRecorded").stream()
                .filter(v -> v.path("itemId").asText().equals("personnel")).toList();
        assertThat(secretVotes).hasSize(5).allSatisfy(v -> {
            assertThat(v.path("choice").isNull()).isTrue();
            assertThat(v.path("method").asText()).isEqualTo("SECRET_BALLOT");
        });
        assertThat(secretVotes.stream().map(v -> v.path("memberId").asText())).containsExactly(m1, m2, m3, m4, m5);
        JsonNode ballot = values(byKey.get(affairs), "ItemAdopted").get(0);
        assertThat(List.of(ballot.path("forVotes").asInt(), ballot.path("againstVotes").asInt(),
                ballot.path("abstentions").asInt(), ballot.path("membersWhoShouldAttend").asInt()))
                .containsExactly(4, 1, 0, 7);
        assertThat(ballot.path("decisionId").asText()).isEqualTo(appointment);
        JsonNode projectOutcome = values(byKey.get(affairs), "ItemRejected").get(0);
        assertThat(projectOutcome.path("forVotes").asInt()).isEqualTo(3);
        assertThat(values(byKey.get(affairs), "MeetingAdjourned").get(0).path("undecidedItemIds"))
                .extracting(JsonNode::asText).containsExactly("building");
        JsonNode reconsidered = values(byKey.get(measures), "DecisionReconsidered").get(0);
        assertThat(reconsidered.path("newDecisionId").asText()).isEqualTo(replacement);
        assertThat(reconsidered.path("byMeetingId").asText()).isEqualTo(later);
        assertThat(values(byKey.get(replacement), "DecisionTaken").get(0).path("reconsidersDecisionId").asText())
                .isEqualTo(measures);
        assertThat(values(byKey.get(urgent), "UrgentDecisionReported").get(0).path("reportedOn").asText())
                .isEqualTo("2026-11-20");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Reads the topic until every aggregate's stream is complete and checks every record of ours: headers, key,
     * stored order, schema, ids.
     */
    private Map<String, List<Record>> published(String topic, String organ, String committee) throws Exception {
        List<Record> ours;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), topic)) {
            ours = ours(reader.readUntil(seen -> complete(ours(seen)), Duration.ofSeconds(90)));
        }
        assertThat(types(ours)).as("event types on " + topic).containsAll(EventSchemas.eventTypes());
        assertThat(EventSchemas.eventTypes()).as("schemas").hasSize(22);

        Map<String, List<Record>> byKey = new LinkedHashMap<>();
        for (Record r : ours) {
            byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<String>> aggregate : expected.entrySet()) {
            List<Record> stream = byKey.getOrDefault(aggregate.getKey(), List.of());
            assertThat(stream.stream().map(r -> type(r)).toList())
                    .as("events of %s in stored order", aggregate.getKey()).isEqualTo(aggregate.getValue());
            for (int i = 0; i < stream.size(); i++) {
                assertThat(stream.get(i).header("ce_sequence")).as("ce_sequence of %s", aggregate.getKey())
                        .isEqualTo(Integer.toString(i));
            }
            assertThat(stream.stream().map(Record::partition).distinct()).as("one partition per aggregate")
                    .hasSize(1);
        }

        for (Record r : ours) {
            assertThat(r.header("ce_specversion")).isEqualTo("1.0");
            assertThat(r.header("ce_id")).isNotBlank();
            assertThat(r.header("ce_source")).isEqualTo("/meeting-service");
            assertThat(r.header("ce_type")).matches("jiguan\\.meeting\\.[A-Za-z]+");
            assertThat(OffsetDateTime.parse(r.header("ce_time"))).isNotNull();
            assertThat(r.header("ce_subject")).isEqualTo(r.key());
            assertThat(r.header("content-type")).isEqualTo("application/json");

            String type = type(r);
            JsonNode value = JSON.readTree(r.value());
            assertThat(EventSchemas.validate(type, value)).as("%s %s", type, r.value()).isEmpty();
            // The key is the aggregate id, named in the value; every value places itself by organ and committee.
            boolean meetingEvent = MeetingEvent.class.isAssignableFrom(
                    Class.forName("org.jiguan.meeting.api." + type));
            assertThat(value.path(meetingEvent ? "meetingId" : "decisionId").asText()).as(r.value())
                    .isEqualTo(r.key());
            assertThat(value.path("organId").asText()).isEqualTo(organ);
            assertThat(value.path("committeeId").asText()).isEqualTo(committee);
        }
        assertThat(ours.stream().map(r -> r.header("ce_id")).distinct().count()).as("unique ce_id")
                .isEqualTo(ours.size());

        return byKey;
    }

    private static Set<String> ceIds(Map<String, List<Record>> byKey) {
        return byKey.values().stream().flatMap(List::stream).map(r -> r.header("ce_id"))
                .collect(Collectors.toCollection(TreeSet::new));
    }


    /** Sends one command, checks its status and notes the event it stores on {@code aggregate}. */
    private JsonNode command(ApiClient.Response response, int status, String aggregate, String eventType) {
        expectStatus(response, status);
        expect(aggregate, eventType);
        return response.body();
    }

    private void expect(String aggregate, String eventType) {
        expected.computeIfAbsent(aggregate, k -> new ArrayList<>()).add(eventType);
    }

    private void prepare(ApiClient office, String meeting, String itemId, String step) {
        command(office.post(itemPath(meeting, itemId, "preparation"), Map.of("step", step, "completedOn", "2026-11-05",
                "note", "已完成")), 200, meeting, "ItemPreparationRecorded");
    }

    /** Puts an item to the vote and records each member's choice in order (none: a secret ballot). */
    private void vote(ApiClient office, String meeting, String itemId, String method, Map<String, String> choices) {
        command(office.post(itemPath(meeting, itemId, "voting"), Map.of("method", method)), 200, meeting,
                "VotingOpened");
        choices.forEach((member, choice) -> command(office.post(itemPath(meeting, itemId, "votes"), choice == null
                ? Map.of("memberId", member)
                : Map.of("memberId", member, "choice", choice)), 200, meeting, "VoteRecorded"));
    }

    /** The same choice for each member, in order. */
    private static Map<String, String> all(String choice, String... members) {
        Map<String, String> choices = new LinkedHashMap<>();
        for (String member : members) {
            choices.put(member, choice);
        }
        return choices;
    }

    private List<Record> ours(List<Record> records) {
        return records.stream().filter(r -> expected.containsKey(r.key())).toList();
    }

    /** Every aggregate has published at least as many events as its commands stored. */
    private boolean complete(List<Record> ours) {
        Map<String, Long> counts = ours.stream().collect(Collectors.groupingBy(Record::key, Collectors.counting()));
        return expected.entrySet().stream()
                .allMatch(e -> counts.getOrDefault(e.getKey(), 0L) >= e.getValue().size());
    }

    private static String type(Record r) {
        return r.header("ce_type").substring(TYPE_PREFIX.length());
    }

    private static Set<String> types(List<Record> records) {
        return records.stream().map(CloudEventsOnTopicTest::type).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<JsonNode> values(List<Record> records, String type) {
        List<JsonNode> values = new ArrayList<>();
        for (Record r : records == null ? Collections.<Record>emptyList() : records) {
            if (type(r).equals(type)) {
                try {
                    values.add(JSON.readTree(r.value()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }
}
