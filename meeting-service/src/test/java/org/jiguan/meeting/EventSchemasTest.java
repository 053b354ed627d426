package org.jiguan.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.AgendaItemAdded;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.CirculationScope;
import org.jiguan.meeting.api.CommitteeReplyKind;
import org.jiguan.meeting.api.CommitteeReplyRecorded;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.DecisionEvent;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReconsidered;
import org.jiguan.meeting.api.DecisionReportedToCommittee;
import org.jiguan.meeting.api.DecisionRevokedByCommittee;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.DecisionTaskAssigned;
import org.jiguan.meeting.api.ItemAdopted;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.ItemDeferred;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.ItemRejected;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.MeetingAdjourned;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingEvent;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesIssued;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.TaskFeedbackReported;
import org.jiguan.meeting.api.UrgentDecisionReported;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.meeting.api.VotingOpened;
import org.jiguan.platform.testing.EventSchemaContract;
import org.jiguan.platform.testing.EventSchemaContract.EventKind;
import org.jiguan.platform.testing.EventSchemaContract.Published;
import org.junit.jupiter.api.Test;

/**
 * The published event contract of meeting-service: the checks of {@link EventSchemaContract} over samples of every
 * event, and the conditional rules of the meeting domain that its schemas carry.
 */
class EventSchemasTest extends EventSchemaContract {
    // ---------------------------------------------------------------------------------------------- samples

    private static final String ORGAN = "org-zj-zzb";
    private static final String COMMITTEE = "cc-zj";
    private static final String MEETING = "mtg-2026-11-10";
    private static final String DECISION = "dec-2026-031";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    /** 09:00 on 10 November 2026 in Beijing. */
    private static final Instant NINE = Instant.parse("2026-11-10T01:00:00Z");
    /** The leadership body on the meeting date: five voting members (R-MEET-5). */
    private static final List<BodyMember> BODY = List.of(
            new BodyMember("p-1001", "王明", LeaderRole.PRINCIPAL, false),
            new BodyMember("p-1002", "李华", LeaderRole.DEPUTY, false),
            new BodyMember("p-1003", "张强", LeaderRole.EXECUTIVE_DEPUTY, false),
            new BodyMember("p-1004", "赵丽", LeaderRole.DISCIPLINE_GROUP_LEADER, false),
            new BodyMember("p-1005", "陈刚", LeaderRole.MEMBER, false));
    private static final AgendaItem PERSONNEL = new AgendaItem("item-1", "关于干部任免的议题", ItemCategory.PERSONNEL,
            false, null);
    /** A major item bearing on macro policy: five preparation steps before the vote (R-MEET-8). */
    private static final AgendaItem FUNDS = new AgendaItem("item-2", "关于调整专项资金安排的议题",
            ItemCategory.LARGE_FUNDS, true, null);
    /** Reconsiders an earlier decision (复议, R-MEET-13). */
    private static final AgendaItem RECONSIDERATION = new AgendaItem("item-re", "关于复议干部任免决定的议题",
            ItemCategory.PERSONNEL, false, "dec-2026-019");
    private static final AgendaItem IMPLEMENTATION = new AgendaItem("item-impl", "推动干部教育培训规划落实",
            ItemCategory.IMPLEMENTATION, false, null);

    EventSchemasTest() {
        super(new Published("org.jiguan.meeting.api", "meeting-events", List.of(
                new EventKind(MeetingEvent.class, "MeetingKey", "meetingId", "organId", "committeeId"),
                new EventKind(DecisionEvent.class, "DecisionKey", "decisionId", "organId", "committeeId"))));
    }

    /** Realistic instances of every event, several where nullable fields or variants matter. */
    @Override
    protected Map<Class<?>, List<Object>> samples() {
        Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
        samples.put(MeetingConvened.class, List.of(
                // An affairs meeting convened by the principal with two days' notice.
                new MeetingConvened(MEETING, ORGAN, COMMITTEE, "中共浙江省委组织部", DAY, MeetingKind.AFFAIRS, "p-1001",
                        ConvenerBasis.PRINCIPAL, null, NINE, NINE.minusSeconds(2 * 86_400), false, null, "rec-01",
                        List.of(PERSONNEL, FUNDS, RECONSIDERATION), List.of(new Attendee("staff-01", "办公室主任")),
                        BODY),
                // An emergency meeting without notice, chaired on the principal's delegation (R-MEET-3, R-MEET-4).
                new MeetingConvened("mtg-2026-11-18-emg", ORGAN, COMMITTEE, "中共浙江省委组织部",
                        LocalDate.of(2026, 11, 18), MeetingKind.AFFAIRS, "p-1002", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate("p-1001", null, LocalDate.of(2026, 11, 17)),
                        Instant.parse("2026-11-18T06:00:00Z"), null, true, "汛情突发,需立即研究应急处置", "rec-01",
                        List.of(new AgendaItem("item-flood", "关于防汛救灾应急处置的议题", ItemCategory.OTHER, false, null)),
                        List.of(), BODY),
                // An office meeting chaired on the committee's designation, with notice given anyway.
                new MeetingConvened("mtg-2026-10-office", ORGAN, COMMITTEE, "中共浙江省委组织部",
                        LocalDate.of(2026, 10, 20), MeetingKind.OFFICE, "p-1003",
                        ConvenerBasis.DESIGNATED_BY_COMMITTEE,
                        new ConvenerMandate(COMMITTEE, "浙委办〔2026〕41号", LocalDate.of(2026, 10, 9)),
                        Instant.parse("2026-10-20T02:00:00Z"), Instant.parse("2026-10-16T08:00:00Z"), false, null,
                        "rec-02", List.of(IMPLEMENTATION), List.of(), BODY)));
        samples.put(AgendaItemAdded.class, List.of(
                new AgendaItemAdded("mtg-2026-11-18-emg", ORGAN, COMMITTEE,
                        new AgendaItem("item-supplies", "关于紧急调拨救灾物资的议题", ItemCategory.LARGE_FUNDS, false,
                                null))));
        samples.put(ItemPreparationRecorded.class, List.of(
                new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "item-2", PreparationStep.LEGALITY_REVIEW,
                        LocalDate.of(2026, 11, 5), "经法规处审查,未发现合规性问题"),
                new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "item-2",
                        PreparationStep.MACRO_POLICY_ASSESSMENT, LocalDate.of(2026, 11, 6), null)));
        samples.put(MeetingOpened.class, List.of(
                new MeetingOpened(MEETING, ORGAN, COMMITTEE, NINE.plusSeconds(300), BODY,
                        List.of("p-1001", "p-1002", "p-1003", "p-1004"),
                        List.of(new Absence("p-1005", "同意干部任免议题"))),
                new MeetingOpened("mtg-2026-10-office", ORGAN, COMMITTEE, Instant.parse("2026-10-20T02:00:00Z"), BODY,
                        List.of("p-1001", "p-1002", "p-1003"),
                        List.of(new Absence("p-1004", null), new Absence("p-1005", null)))));
        samples.put(MemberRecused.class, List.of(
                new MemberRecused(MEETING, ORGAN, COMMITTEE, "item-2", "p-1003", "亲属任职于拟拨款单位"),
                // As on meeting-events: the reason is confidential (R-MEET-15).
                new MemberRecused(MEETING, ORGAN, COMMITTEE, "item-2", "p-1003", null)));
        samples.put(VotingOpened.class, List.of(
                new VotingOpened(MEETING, ORGAN, COMMITTEE, "item-1", VotingMethod.SECRET_BALLOT),
                new VotingOpened(MEETING, ORGAN, COMMITTEE, "item-2", VotingMethod.SHOW_OF_HANDS)));
        samples.put(VoteRecorded.class, List.of(
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-2", "p-1002", VoteChoice.FOR,
                        VotingMethod.SHOW_OF_HANDS),
                // A secret ballot keeps who voted, not how (R-MEET-9).
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-1", "p-1004", null, VotingMethod.SECRET_BALLOT),
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-3", "p-1001", VoteChoice.ABSTAIN,
                        VotingMethod.ROLL_CALL)));
        samples.put(ItemAdopted.class, List.of(
                // Secret ballot: the tellers' count, 4 FOR of 5 who should attend.
                new ItemAdopted(MEETING, ORGAN, COMMITTEE, "item-1", DECISION, PERSONNEL.title(),
                        PERSONNEL.category(), 4, 0, 0, 5, VotingMethod.SECRET_BALLOT,
                        List.of("p-1002", "p-1003", "p-1004", "p-1001"), NINE.plusSeconds(2_400), null),
                new ItemAdopted("mtg-2026-11-20", ORGAN, COMMITTEE, "item-re", "dec-2026-040",
                        RECONSIDERATION.title(), RECONSIDERATION.category(), 4, 1, 0, 5, VotingMethod.SHOW_OF_HANDS,
                        List.of(), Instant.parse("2026-11-20T02:00:00Z"), "dec-2026-019")));
        samples.put(ItemRejected.class, List.of(
                // Most of those voting were FOR, but 2 do not exceed half of 5 (R-MEET-10).
                new ItemRejected(MEETING, ORGAN, COMMITTEE, "item-2", FUNDS.title(), FUNDS.category(), 2, 1, 0, 5,
                        VotingMethod.SHOW_OF_HANDS, List.of("p-1002", "p-1004", "p-1001"), NINE.plusSeconds(4_200)),
                new ItemRejected(MEETING, ORGAN, COMMITTEE, "item-1", PERSONNEL.title(), PERSONNEL.category(), 0, 3,
                        1, 5, VotingMethod.SECRET_BALLOT, List.of(), NINE.plusSeconds(4_200))));
        samples.put(ItemDeferred.class, List.of(
                new ItemDeferred(MEETING, ORGAN, COMMITTEE, "item-3", "意见分歧较大,需进一步调研论证")));
        samples.put(DecisionReportedToCommittee.class, List.of(
                // Signed by the principal (R-DOC-1).
                new DecisionReportedToCommittee(DECISION, ORGAN, COMMITTEE, LocalDate.of(2026, 11, 13),
                        "浙组〔2026〕58号", "p-1001", ConvenerBasis.PRINCIPAL, null),
                // Signed by a deputy on the principal's delegation.
                new DecisionReportedToCommittee("dec-2026-urg-01", ORGAN, COMMITTEE, LocalDate.of(2026, 11, 19),
                        "浙组〔2026〕61号", "p-1002", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate("p-1001", null, LocalDate.of(2026, 11, 18)))));
        samples.put(CommitteeReplyRecorded.class, List.of(
                new CommitteeReplyRecorded(DECISION, ORGAN, COMMITTEE, CommitteeReplyKind.REPLY,
                        LocalDate.of(2026, 11, 20), "浙委〔2026〕77号", "同意"),
                new CommitteeReplyRecorded("dec-2026-urg-01", ORGAN, COMMITTEE, CommitteeReplyKind.ACKNOWLEDGEMENT,
                        LocalDate.of(2026, 11, 21), null, null)));
        samples.put(MinutesRecorded.class, List.of(
                new MinutesRecorded(MEETING, ORGAN, COMMITTEE, "rec-01", "会议审议了干部任免、专项资金调整等三项议题……"),
                // As on meeting-events: the text is confidential (R-MEET-15).
                new MinutesRecorded(MEETING, ORGAN, COMMITTEE, "rec-01", null)));
        samples.put(MinutesIssued.class, List.of(
                new MinutesIssued(MEETING, ORGAN, COMMITTEE, "p-1001", Instant.parse("2026-11-12T03:00:00.123Z")),
                // Circulated to the committee's oversight viewers (传达范围, R-MEET-15).
                new MinutesIssued(MEETING, ORGAN, COMMITTEE, "p-1001", Instant.parse("2026-11-12T03:00:00Z"),
                        new CirculationScope(List.of("OVERSIGHT_VIEWER"), List.of(COMMITTEE)))));
        samples.put(MeetingAdjourned.class, List.of(
                new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NINE.plusSeconds(9_000), List.of()),
                new MeetingAdjourned("mtg-2026-11-18-emg", ORGAN, COMMITTEE, Instant.parse("2026-11-18T08:00:00Z"),
                        List.of("item-supplies"))));
        samples.put(DecisionTaken.class, List.of(
                new DecisionTaken(DECISION, ORGAN, COMMITTEE, MEETING, "item-1", PERSONNEL.title(),
                        PERSONNEL.category(), DAY, DecisionOrigin.MEETING, null),
                new DecisionTaken("dec-2026-040", ORGAN, COMMITTEE, "mtg-2026-11-20", "item-re",
                        RECONSIDERATION.title(), RECONSIDERATION.category(), LocalDate.of(2026, 11, 20),
                        DecisionOrigin.MEETING, "dec-2026-019")));
        samples.put(UrgentDecisionTaken.class, List.of(
                new UrgentDecisionTaken("dec-2026-urg-01", ORGAN, COMMITTEE, "p-1001", "关于紧急调拨防汛物资的决定",
                        ItemCategory.LARGE_FUNDS, LocalDate.of(2026, 11, 14), "汛情突发,无法及时召开部务会议",
                        DecisionOrigin.URGENT)));
        samples.put(UrgentDecisionReported.class, List.of(
                new UrgentDecisionReported("dec-2026-urg-01", ORGAN, COMMITTEE, "mtg-2026-11-20",
                        LocalDate.of(2026, 11, 20))));
        samples.put(DecisionTaskAssigned.class, List.of(
                new DecisionTaskAssigned(DECISION, ORGAN, COMMITTEE, "task-1", "干部一处", LocalDate.of(2026, 12, 31),
                        "办理任职手续并报备")));
        samples.put(TaskFeedbackReported.class, List.of(
                new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "task-1", LocalDate.of(2026, 11, 16), false,
                        "已完成考察谈话"),
                new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "task-1", LocalDate.of(2026, 11, 20), true,
                        null)));
        samples.put(DecisionRevokedByCommittee.class, List.of(
                new DecisionRevokedByCommittee(DECISION, ORGAN, COMMITTEE, RevocationAction.REVOKE, "任免程序不符合规定",
                        LocalDate.of(2026, 11, 20)),
                new DecisionRevokedByCommittee("dec-2026-033", ORGAN, COMMITTEE, RevocationAction.CHANGE,
                        "资金用途调整为防汛救灾", LocalDate.of(2026, 11, 21))));
        samples.put(DecisionReconsidered.class, List.of(
                new DecisionReconsidered("dec-2026-019", ORGAN, COMMITTEE, "mtg-2026-11-20", "item-re",
                        "dec-2026-040", LocalDate.of(2026, 11, 20))));
        return samples;
    }

    // ------------------------------------------------------------------------- the rules of this domain

    @Test
    void conditionalRulesOfTheDomainAreInTheSchemas() {
        List<Object> convened = samplesOf(MeetingConvened.class);
        // R-MEET-4: without an emergency the notice is given; an emergency says why.
        ObjectNode withoutNotice = JSON.valueToTree(convened.get(0));
        withoutNotice.putNull("noticeGivenAt");
        assertThat(messages("MeetingConvened", withoutNotice)).isNotEmpty();
        ObjectNode emergencyWithoutReason = JSON.valueToTree(convened.get(1));
        emergencyWithoutReason.putNull("emergencyReason");
        assertThat(messages("MeetingConvened", emergencyWithoutReason)).isNotEmpty();
        emergencyWithoutReason.put("emergencyReason", "");
        assertThat(messages("MeetingConvened", emergencyWithoutReason)).isNotEmpty();
        // R-MEET-3: a convener who is not the principal has a recorded mandate; a designation its document number.
        ObjectNode delegatedWithoutMandate = JSON.valueToTree(convened.get(1));
        delegatedWithoutMandate.putNull("mandate");
        assertThat(messages("MeetingConvened", delegatedWithoutMandate)).isNotEmpty();
        ObjectNode designatedWithoutDocument = JSON.valueToTree(convened.get(2));
        ((ObjectNode) designatedWithoutDocument.get("mandate")).putNull("documentNo");
        assertThat(messages("MeetingConvened", designatedWithoutDocument)).isNotEmpty();
        ObjectNode incompleteMandate = JSON.valueToTree(convened.get(1));
        ((ObjectNode) incompleteMandate.get("mandate")).remove("grantedOn");
        assertThat(messages("MeetingConvened", incompleteMandate)).isNotEmpty();
        // R-MEET-13: only an affairs meeting reconsiders a decision.
        ObjectNode officeReconsidering = JSON.valueToTree(convened.get(2));
        ((ObjectNode) officeReconsidering.get("agenda").get(0)).put("reconsidersDecisionId", "dec-2026-019");
        assertThat(messages("MeetingConvened", officeReconsidering)).isNotEmpty();
        // R-MEET-2, R-MEET-5: an agenda and a body.
        ObjectNode noAgenda = JSON.valueToTree(convened.get(0));
        noAgenda.putArray("agenda");
        assertThat(messages("MeetingConvened", noAgenda)).isNotEmpty();
        ObjectNode untitled = JSON.valueToTree(convened.get(0));
        ((ObjectNode) untitled.get("agenda").get(1)).remove("title");
        assertThat(messages("MeetingConvened", untitled)).isNotEmpty();
        ObjectNode unknownRole = JSON.valueToTree(convened.get(0));
        ((ObjectNode) unknownRole.get("votingMembers").get(0)).put("role", "CHAIRMAN");
        assertThat(messages("MeetingConvened", unknownRole)).isNotEmpty();
        // R-MEET-9: a secret ballot keeps who voted, not how; R-MEET-15: on meeting-events an open vote's choice is
        // left out too, so the schema takes an open vote without its choice.
        ObjectNode secretWithChoice = JSON.valueToTree(samplesOf(VoteRecorded.class).get(1));
        secretWithChoice.put("choice", "FOR");
        assertThat(messages("VoteRecorded", secretWithChoice)).isNotEmpty();
        ObjectNode openWithoutChoice = JSON.valueToTree(samplesOf(VoteRecorded.class).get(0));
        openWithoutChoice.putNull("choice");
        assertThat(messages("VoteRecorded", openWithoutChoice)).isEmpty();
        // R-MEET-10: nothing is adopted without FOR votes.
        ObjectNode adoptedWithoutVotes = JSON.valueToTree(samplesOf(ItemAdopted.class).get(0));
        adoptedWithoutVotes.put("forVotes", 0);
        assertThat(messages("ItemAdopted", adoptedWithoutVotes)).isNotEmpty();
        ObjectNode negative = JSON.valueToTree(samplesOf(ItemRejected.class).get(0));
        negative.put("againstVotes", -1);
        assertThat(messages("ItemRejected", negative)).isNotEmpty();
        ObjectNode twicePositioned = JSON.valueToTree(samplesOf(ItemRejected.class).get(0));
        twicePositioned.putArray("positionsOrder").add("p-1002").add("p-1002");
        assertThat(messages("ItemRejected", twicePositioned)).isNotEmpty();
        // R-MEET-6: a meeting opens with someone present.
        ObjectNode nobodyPresent = JSON.valueToTree(samplesOf(MeetingOpened.class).get(0));
        nobodyPresent.putArray("present");
        assertThat(messages("MeetingOpened", nobodyPresent)).isNotEmpty();
        // A meeting's decision and an urgent decision say so.
        ObjectNode takenAsUrgent = JSON.valueToTree(samplesOf(DecisionTaken.class).get(0));
        takenAsUrgent.put("origin", "URGENT");
        assertThat(messages("DecisionTaken", takenAsUrgent)).isNotEmpty();
        ObjectNode urgentAsMeeting = JSON.valueToTree(samplesOf(UrgentDecisionTaken.class).get(0));
        urgentAsMeeting.put("origin", "MEETING");
        assertThat(messages("UrgentDecisionTaken", urgentAsMeeting)).isNotEmpty();
        // Ids follow CONTRACT.md's id pattern.
        ObjectNode badId = JSON.valueToTree(samplesOf(ItemDeferred.class).get(0));
        badId.put("meetingId", "meeting with spaces");
        assertThat(messages("ItemDeferred", badId)).isNotEmpty();
        ObjectNode badDecisionId = JSON.valueToTree(samplesOf(DecisionReconsidered.class).get(0));
        badDecisionId.put("newDecisionId", "");
        assertThat(messages("DecisionReconsidered", badDecisionId)).isNotEmpty();
        // Instants are ISO-8601 date-times.
        ObjectNode badInstant = JSON.valueToTree(samplesOf(MeetingAdjourned.class).get(0));
        badInstant.put("at", "2026-11-10 11:30");
        assertThat(messages("MeetingAdjourned", badInstant)).isNotEmpty();
    }

    @Test
    void valueTypesSerializeByTheirRecordComponentsOnly() {
        // No derived getters leak into the events.
        assertThat(JSON.valueToTree(RECONSIDERATION).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("itemId", "title", "category", "macroPolicy", "reconsidersDecisionId");
        assertThat(JSON.valueToTree(BODY.get(0)).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("memberId", "name", "role", "concurrentUpperLevelPost");
    }
}
