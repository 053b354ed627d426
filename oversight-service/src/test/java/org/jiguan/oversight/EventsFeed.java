package org.jiguan.oversight;

import org.jiguan.platform.time.BusinessCalendar;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiguan.platform.testing.CloudEventProducer;
import org.jiguan.platform.testing.CloudEventProducer.Sent;
import org.jiguan.platform.testing.EventSchemas;

/**
 * Puts events on the real {@code organ-events} and {@code meeting-records} topics as the producers publish them
 * (CloudEvents in binary mode, key and subject the aggregate id, one sequence per aggregate from 0). Organ events
 * are checked against organ-service's published JSON Schemas first; meeting events follow meeting-service's
 * records (its schemas are not written yet). {@code recordedAt} sets {@code ce_time}, for knownAt.
 */
public final class EventsFeed implements AutoCloseable {
    public static final String ORGAN_TOPIC = "organ-events";
    public static final String MEETING_TOPIC = "meeting-records";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudEventProducer producer = new CloudEventProducer();
    private final String organTopic;
    private final String meetingTopic;
    private final Map<String, String> committees = new ConcurrentHashMap<>();
    private Instant recordedAt;

    public EventsFeed() {
        this(ORGAN_TOPIC, MEETING_TOPIC);
    }

    /** A feed onto topics of a test's own, for a service started to read only them. */
    public EventsFeed(String organTopic, String meetingTopic) {
        this.organTopic = organTopic;
        this.meetingTopic = meetingTopic;
    }

    /** Whether each event waits for the broker's ack before the next is sent (the default); see {@link #flush}. */
    public EventsFeed awaitAcks(boolean await) {
        producer.awaitAcks(await);
        return this;
    }

    /** Waits until every event sent is on its topic. */
    public void flush() {
        producer.flush();
    }

    /** ce_time of the events sent next; null for now. */
    public EventsFeed recordedAt(Instant at) {
        this.recordedAt = at;
        return this;
    }

    // ---- organ-events: committees

    public void committeeRegistered(String committeeId, int organQuota) {
        committeeRegistered(committeeId, "中共某省委" + committeeId, "PROVINCIAL", "central", organQuota);
    }

    /** A committee under {@code parentCommitteeId} (null for the central committee). */
    public void committeeRegistered(String committeeId, String name, String level, String parentCommitteeId,
                                    int organQuota) {
        ObjectNode data = JSON.createObjectNode().put("committeeId", committeeId).put("name", name)
                .put("level", level).put("parentCommitteeId", parentCommitteeId).put("organQuota", organQuota);
        data.set("policy", JSON.valueToTree(Map.of("reportDueMonthDay", "--01-31", "cutOffMonthDay", "--09-30",
                "reminderOffsets", List.of(-30, -7, 0, 1, 30), "calendar", "CN")));
        data.set("reservedDuties", JSON.valueToTree(List.of("CADRE_APPOINTMENT")));
        organEvent("CommitteeRegistered", committeeId, data);
    }

    /** A committee event as given ({@code type} without its {@code jiguan.organ.} prefix), e.g. a shared case's. */
    public void committeeEvent(String type, String committeeId, Map<String, Object> data) {
        organEvent(type, committeeId, JSON.valueToTree(data));
    }

    public void slotTaken(String committeeId, String organId, LocalDate on) {
        organEvent("OrganQuotaSlotTaken", committeeId, JSON.createObjectNode().put("committeeId", committeeId)
                .put("organId", organId).put("organKind", "FUNCTIONAL_DEPARTMENT").put("countedInQuota", true)
                .put("on", on.toString()).putNull("sharesSlotWith"));
    }

    // ---- organ-events: organs

    public void organCreated(String committeeId, String organId, String name, LocalDate establishedOn) {
        committees.put(organId, committeeId);
        ObjectNode data = base(organId);
        data.put("committeeLevel", "PROVINCIAL").put("parentCommitteeId", "central").put("name", name)
                .put("kind", "FUNCTIONAL_DEPARTMENT").put("mode", "STANDALONE")
                .put("establishedOn", establishedOn.toString()).put("staffingQuota", 40).put("leadershipQuota", 5)
                .putNull("relatedDepartment").putNull("coordinationBody").putNull("field").put("countedInQuota", true);
        data.set("approval", approval(establishedOn.minusDays(10)));
        organEvent("OrganCreated", organId, data);
    }

    public void organChanged(String organId, LocalDate changedOn, String name, int staffingQuota, int leadershipQuota) {
        ObjectNode data = base(organId).put("changedOn", changedOn.toString()).put("name", name)
                .put("staffingQuota", staffingQuota).put("leadershipQuota", leadershipQuota);
        data.set("approval", approval(changedOn));
        organEvent("OrganChanged", organId, data);
    }

    public void organAbolished(String organId, LocalDate on) {
        ObjectNode data = base(organId).put("abolishedOn", on.toString()).put("reason", "机构改革");
        data.set("approval", approval(on.minusDays(5)));
        data.putNull("mergedInto");
        organEvent("OrganAbolished", organId, data);
    }

    public void leaderAppointed(String organId, String memberId, String role, LocalDate since) {
        ObjectNode data = base(organId).put("memberId", memberId).put("name", "干部" + memberId).put("role", role)
                .put("since", since.toString()).put("concurrentUpperLevelPost", false);
        data.putNull("approval");
        organEvent("LeaderAppointed", organId, data);
    }

    public void leaderRemoved(String organId, String memberId, String role, LocalDate on) {
        organEvent("LeaderRemoved", organId, base(organId).put("memberId", memberId).put("name", "干部" + memberId)
                .put("role", role).put("removedOn", on.toString()).put("reason", "工作调动"));
    }

    public void dutyAssigned(String organId, String dutyCode, String description) {
        organEvent("DutyAssigned", organId, base(organId).put("dutyCode", dutyCode).put("description", description));
    }

    public void headcountReported(String organId, int headcount, LocalDate asOf) {
        organEvent("HeadcountReported", organId, base(organId).put("headcount", headcount).put("asOf", asOf.toString())
                .put("staffingQuota", 40));
    }

    public void annualReportFiled(String organId, int year, LocalDate filedOn, boolean supplement) {
        organEvent("AnnualReportFiled", organId, base(organId).put("year", year).put("filedOn", filedOn.toString())
                .put("documentNo", "报〔" + year + "〕1号").put("summary", "全面工作情况").put("supplement", supplement));
    }

    public void specialReportRequested(String organId, String requestId, LocalDate requestedOn, LocalDate dueOn) {
        organEvent("SpecialReportRequested", organId, base(organId).put("requestId", requestId)
                .put("subject", "专题" + requestId).put("requestedOn", requestedOn.toString())
                .put("dueOn", dueOn.toString()));
    }

    public void specialReportFiled(String organId, String reportId, String requestId, LocalDate filedOn,
                                   LocalDate dueOn, String signedBy) {
        organEvent("SpecialReportFiled", organId, base(organId).put("reportId", reportId)
                .put("subject", "专题" + requestId).put("filedOn", filedOn.toString()).put("documentNo", "专报1号")
                .put("dueOn", dueOn.toString()).put("requestId", requestId).put("signedBy", signedBy)
                .put("signingBasis", "PRINCIPAL"));
    }

    /** {@code type}: IntegrityStatementFiled or PersonalMattersReportFiled (R-SUP-5). */
    public void yearlyFilingFiled(String type, String organId, String memberId, int year, LocalDate filedOn) {
        organEvent(type, organId, base(organId).put("memberId", memberId).put("year", year)
                .put("filedOn", filedOn.toString()));
    }

    public void findingRecorded(String organId, String findingId, LocalDate recordedOn, LocalDate rectifyBy) {
        organEvent("FindingRecorded", organId, base(organId).put("findingId", findingId)
                .put("source", "INSPECTION_TOUR").put("description", "问题" + findingId)
                .put("rectifyBy", rectifyBy.toString()).put("recordedOn", recordedOn.toString()));
    }

    public void rectificationReported(String organId, String findingId, LocalDate reportedOn, boolean completed) {
        organEvent("RectificationReported", organId, base(organId).put("findingId", findingId)
                .put("reportedOn", reportedOn.toString()).put("description", "整改").put("completed", completed));
    }

    public void assessmentRecorded(String organId, int year, String grade, LocalDate assessedOn) {
        organEvent("AssessmentRecorded", organId, base(organId).put("year", year).put("grade", grade)
                .put("assessedOn", assessedOn.toString()).put("circulation", "全省"));
    }

    public void accountabilityRecorded(String organId, String memberId, String measure, LocalDate decidedOn) {
        organEvent("AccountabilityMeasureRecorded", organId, base(organId).put("measureId", UUID.randomUUID().toString())
                .put("memberId", memberId).put("measure", measure).put("reason", "履职不力")
                .put("decidedOn", decidedOn.toString()));
    }

    // ---- meeting-records (read by field name)

    public void meetingConvened(String committeeId, String organId, String meetingId, Instant scheduledAt,
                                String... itemIds) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("organName", "机关" + organId)
                .put("organDate", BusinessCalendar.dateOf(scheduledAt).toString())
                .put("kind", "AFFAIRS").put("convenerId", "m1").put("convenerBasis", "PRINCIPAL")
                .put("scheduledAt", scheduledAt.toString()).put("noticeGivenAt", scheduledAt.minusSeconds(2 * 86400).toString())
                .put("emergency", false).put("recorderId", "r1");
        var agenda = data.putArray("agenda");
        for (String itemId : itemIds) {
            agenda.addObject().put("itemId", itemId).put("title", "议题" + itemId).put("category", "MAJOR_DECISION")
                    .put("macroPolicy", false);
        }
        data.putArray("nonVotingAttendees");
        data.putArray("votingMembers").addObject().put("memberId", "m1").put("name", "甲").put("role", "PRINCIPAL");
        meetingEvent("MeetingConvened", meetingId, data);
    }

    public void meetingOpened(String committeeId, String organId, String meetingId, Instant openedAt) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("openedAt", openedAt.toString());
        data.putArray("votingMembers").addObject().put("memberId", "m1").put("name", "甲").put("role", "PRINCIPAL");
        data.putArray("present").add("m1");
        data.putArray("absent");
        meetingEvent("MeetingOpened", meetingId, data);
    }

    /**
     * A meeting that adopts item i1 and records its minutes, with each kind of confidential content (R-MEET-15): a
     * written opinion, a recusal reason (m3), an open vote (m1 FOR) and the minutes text; the minutes are not issued.
     */
    public void meetingWithConfidentialContent(String committeeId, String organId, String meetingId, Instant at,
                                               String writtenOpinion, String recusalReason, String minutesText,
                                               String decisionId) {
        meetingConvened(committeeId, organId, meetingId, at, "i1");
        meetingOpened(committeeId, organId, meetingId, at.plusSeconds(300), writtenOpinion);
        memberRecused(committeeId, organId, meetingId, "i1", "m3", recusalReason);
        voteRecorded(committeeId, organId, meetingId, "i1");
        itemAdopted(committeeId, organId, meetingId, "i1", decisionId, at.plusSeconds(3600));
        minutesRecorded(committeeId, organId, meetingId, minutesText);
    }

    /** Opened with m1 present and m2 absent, leaving a written opinion (confidential, R-MEET-15). */
    public void meetingOpened(String committeeId, String organId, String meetingId, Instant openedAt,
                              String writtenOpinion) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("openedAt", openedAt.toString());
        var body = data.putArray("votingMembers");
        body.addObject().put("memberId", "m1").put("name", "甲").put("role", "PRINCIPAL");
        body.addObject().put("memberId", "m2").put("name", "乙").put("role", "DEPUTY");
        data.putArray("present").add("m1");
        data.putArray("absent").addObject().put("memberId", "m2").put("writtenOpinion", writtenOpinion);
        meetingEvent("MeetingOpened", meetingId, data);
    }

    public void memberRecused(String committeeId, String organId, String meetingId, String itemId, String memberId,
                              String reason) {
        meetingEvent("MemberRecused", meetingId, meetingBase(committeeId, organId, meetingId).put("itemId", itemId)
                .put("memberId", memberId).put("reason", reason));
    }

    public void minutesRecorded(String committeeId, String organId, String meetingId, String text) {
        meetingEvent("MinutesRecorded", meetingId, meetingBase(committeeId, organId, meetingId)
                .put("recorderId", "r1").put("text", text));
    }

    /** Issued by m1; {@code roles} null: no circulation scope, the meeting's circle alone (R-MEET-15). */
    public void minutesIssued(String committeeId, String organId, String meetingId, Instant issuedAt,
                              List<String> roles, List<String> committees) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("signedBy", "m1")
                .put("issuedAt", issuedAt.toString());
        if (roles == null) {
            data.putNull("circulation");
        } else {
            data.set("circulation", JSON.valueToTree(Map.of("roles", roles, "committees", committees)));
        }
        meetingEvent("MinutesIssued", meetingId, data);
    }

    public void voteRecorded(String committeeId, String organId, String meetingId, String itemId) {
        meetingEvent("VoteRecorded", meetingId, meetingBase(committeeId, organId, meetingId).put("itemId", itemId)
                .put("memberId", "m1").put("choice", "FOR").put("method", "SHOW_OF_HANDS"));
    }

    public void itemAdopted(String committeeId, String organId, String meetingId, String itemId, String decisionId,
                            Instant decidedAt) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("itemId", itemId)
                .put("decisionId", decisionId).put("title", "议题" + itemId).put("category", "MAJOR_DECISION")
                .put("forVotes", 1).put("againstVotes", 0).put("abstentions", 0).put("membersWhoShouldAttend", 1)
                .put("method", "SHOW_OF_HANDS").put("decidedAt", decidedAt.toString());
        data.putArray("positionsOrder").add("m1");
        meetingEvent("ItemAdopted", meetingId, data);
    }

    public void decisionTaken(String committeeId, String organId, String decisionId, String meetingId, String itemId,
                              LocalDate decidedOn) {
        meetingEvent("DecisionTaken", decisionId, decisionBase(committeeId, organId, decisionId)
                .put("meetingId", meetingId).put("itemId", itemId).put("title", "议题" + itemId)
                .put("category", "MAJOR_DECISION").put("decidedOn", decidedOn.toString()).put("origin", "MEETING"));
    }

    public void urgentDecisionTaken(String committeeId, String organId, String decisionId, LocalDate decidedOn) {
        meetingEvent("UrgentDecisionTaken", decisionId, decisionBase(committeeId, organId, decisionId)
                .put("decidedBy", "m1").put("title", "临机处置" + decisionId).put("category", "OTHER")
                .put("decidedOn", decidedOn.toString()).put("reason", "突发事件").put("origin", "URGENT"));
    }

    public void reportedToCommittee(String committeeId, String organId, String decisionId, LocalDate reportedOn) {
        meetingEvent("DecisionReportedToCommittee", decisionId, decisionBase(committeeId, organId, decisionId)
                .put("reportedOn", reportedOn.toString()).put("documentNo", "报〔2025〕9号").put("signedBy", "m1")
                .put("signingBasis", "PRINCIPAL").putNull("mandate"));
    }

    public void meetingAdjourned(String committeeId, String organId, String meetingId, Instant at) {
        ObjectNode data = meetingBase(committeeId, organId, meetingId).put("at", at.toString());
        data.putArray("undecidedItemIds");
        meetingEvent("MeetingAdjourned", meetingId, data);
    }

    public void taskAssigned(String committeeId, String organId, String decisionId, String taskId, LocalDate dueOn) {
        meetingEvent("DecisionTaskAssigned", decisionId, decisionBase(committeeId, organId, decisionId)
                .put("taskId", taskId).put("owner", "处室").put("dueOn", dueOn.toString()).put("description", "落实"));
    }

    public void decisionRevoked(String committeeId, String organId, String decisionId, LocalDate on) {
        meetingEvent("DecisionRevokedByCommittee", decisionId, decisionBase(committeeId, organId, decisionId)
                .put("action", "REVOKE").put("reason", "不当").put("on", on.toString()));
    }

    // ---- refusals (R-AUD-1), on either topic

    /** A {@code CommandRefused} on organ-events; returns the refusal's id. */
    public String organCommandRefused(String rule, String command, String target, String committeeId, String organId,
                                      LocalDate businessDate) {
        String refusalId = UUID.randomUUID().toString();
        organEvent("CommandRefused", refusalId, refusal(rule, command, target, committeeId, organId, businessDate));
        return refusalId;
    }

    /** A {@code CommandRefused} on meeting-events; returns the refusal's id. */
    public String meetingCommandRefused(String rule, String command, String target, LocalDate businessDate) {
        String refusalId = UUID.randomUUID().toString();
        meetingEvent("CommandRefused", refusalId, refusal(rule, command, target, null, null, businessDate));
        return refusalId;
    }

    private static ObjectNode refusal(String rule, String command, String target, String committeeId,
                                      String organId, LocalDate businessDate) {
        return JSON.createObjectNode().put("rule", rule).put("ruleTitle", "规则" + rule).put("caller", "office-1")
                .put("command", command)
                .put("target", target).put("committeeId", committeeId).put("organId", organId)
                .put("businessDate", businessDate == null ? null : businessDate.toString())
                .put("detail", "refused for " + rule);
    }

    // ---- raw records

    /** Sends a record exactly as given, e.g. a repeat of an event a publisher sent before a crash. */
    public void raw(String topic, String type, String subject, long sequence, String eventId, Instant time,
                    byte[] value) {
        producer.send(new Sent(topic, type, subject, sequence, eventId, time, value));
    }

    private volatile Sent last;

    /** The last event sent, to send again. */
    public Sent last() {
        return last;
    }

    public void resend(Sent sent) {
        producer.send(sent);
    }

    private ObjectNode base(String organId) {
        return JSON.createObjectNode().put("organId", organId).put("committeeId", committees.get(organId));
    }

    private static ObjectNode meetingBase(String committeeId, String organId, String meetingId) {
        return JSON.createObjectNode().put("meetingId", meetingId).put("organId", organId).put("committeeId", committeeId);
    }

    private static ObjectNode decisionBase(String committeeId, String organId, String decisionId) {
        return JSON.createObjectNode().put("decisionId", decisionId).put("organId", organId)
                .put("committeeId", committeeId);
    }

    private static ObjectNode approval(LocalDate on) {
        return JSON.valueToTree(Map.of("proposedBy", "省委编办", "approvedBy", "UPPER_ESTABLISHMENT_COMMITTEE",
                "approverCommitteeId", "central", "documentNo", "编字〔2024〕1号", "approvedOn", on.toString()));
    }

    private void organEvent(String type, String subject, ObjectNode data) {
        EventSchemas.assertMatchesSchemaOf("organ-service", type, data);
        send(organTopic, "jiguan.organ." + type, subject, data);
    }

    private void meetingEvent(String type, String subject, ObjectNode data) {
        send(meetingTopic, "jiguan.meeting." + type, subject, data);
    }

    private void send(String topic, String type, String subject, ObjectNode data) {
        last = producer.send(topic, type, subject, recordedAt == null ? Instant.now() : recordedAt,
                data.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
