package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.RecordedEvent;

/**
 * Random but well-formed event streams of committees, their organs, meetings and decisions, from a seed: every
 * event type the folds read (and some they do not), business dates over several years in any order, and recorded
 * instants that mostly, not always, follow the sequence. For the property test of the read models.
 */
final class RandomHistories {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);

    private final Random random;
    /** Each aggregate's events in sequence order, with its kind, committee and organ. */
    final Map<String, Stream> streams = new LinkedHashMap<>();
    final List<String> committees = new ArrayList<>();
    private Instant clock = START;

    record Stream(AggregateKind kind, String id, String committeeId, String organId, List<RecordedEvent> events) {
    }

    RandomHistories(long seed) {
        this.random = new Random(seed);
        int committeeCount = 1 + random.nextInt(2);
        for (int c = 0; c < committeeCount; c++) {
            String committee = "c" + seed + "x" + c;
            committees.add(committee);
            Stream committeeStream = stream(AggregateKind.COMMITTEE, committee, committee, null);
            ObjectNode registered = base(committee, null).put("name", "委员会" + c).put("level", "PROVINCIAL")
                    .put("organQuota", 2 + random.nextInt(6));
            registered.putNull("parentCommitteeId");
            if (random.nextBoolean()) {
                ObjectNode policy = registered.putObject("policy").put("reportDueMonthDay", pick("--01-31", "--03-31"))
                        .put("cutOffMonthDay", pick("--09-30", "--06-30")).put("calendar", "CN");
                if (random.nextBoolean()) {
                    policy.put("reportToCommitteeWorkingDays", 1 + random.nextInt(20));
                }
            }
            add(committeeStream, "jiguan.organ.CommitteeRegistered", registered);
            int organs = 2 + random.nextInt(6);
            for (int o = 0; o < organs; o++) {
                String organ = committee + "o" + o;
                organ(organ, committee, committeeStream);
                for (int m = 0; m < random.nextInt(3); m++) {
                    meeting(organ + "m" + m, organ, committee);
                }
                for (int d = 0; d < random.nextInt(4); d++) {
                    decision(organ + "d" + d, organ, committee);
                }
            }
            if (random.nextInt(3) == 0) {
                ObjectNode quota = base(committee, null).put("organQuota", 1 + random.nextInt(8));
                quota.putObject("approval").put("approvedOn", day().toString());
                add(committeeStream, "jiguan.organ.OrganQuotaSet", quota);
            }
        }
    }

    private void organ(String organ, String committee, Stream committeeStream) {
        Stream s = stream(AggregateKind.ORGAN, organ, committee, organ);
        LocalDate established = day();
        ObjectNode created = base(committee, organ).put("name", "机关" + organ)
                .put("kind", pick("FUNCTIONAL_DEPARTMENT", "OFFICE", "DISPATCHED_BODY")).put("mode", "STANDALONE")
                .put("establishedOn", established.toString()).put("staffingQuota", 5 + random.nextInt(20))
                .put("leadershipQuota", 1 + random.nextInt(4)).put("countedInQuota", random.nextInt(5) > 0);
        created.putObject("approval").put("approvedBy", "UPPER").put("approvedOn", established.minusDays(9).toString());
        add(s, "jiguan.organ.OrganCreated", created);
        ObjectNode slot = base(committee, organ).put("countedInQuota", random.nextInt(4) > 0)
                .put("on", established.toString());
        slot.putNull("sharesSlotWith");
        add(committeeStream, "jiguan.organ.OrganQuotaSlotTaken", slot);
        int events = random.nextInt(25);
        for (int i = 0; i < events; i++) {
            String member = "m" + random.nextInt(4);
            int year = 2022 + random.nextInt(4);
            switch (random.nextInt(17)) {
                case 0 -> add(s, "jiguan.organ.OrganChanged", base(committee, organ).put("changedOn", day().toString())
                        .put("name", "新机关" + organ + i).put("staffingQuota", 5 + random.nextInt(20)));
                case 1 -> {
                    if (random.nextInt(4) == 0) {
                        LocalDate abolished = day();
                        add(s, "jiguan.organ.OrganAbolished", base(committee, organ)
                                .put("abolishedOn", abolished.toString()).put("reason", "撤销"));
                        add(committeeStream, "jiguan.organ.OrganQuotaSlotReleased", base(committee, organ)
                                .put("on", abolished.toString()));
                    }
                }
                case 2, 3 -> add(s, "jiguan.organ.LeaderAppointed", base(committee, organ).put("memberId", member)
                        .put("name", "领导" + member).put("role", pick("PRINCIPAL", "DEPUTY", "DEPUTY"))
                        .put("since", day().toString()).put("concurrentUpperLevelPost", false));
                case 4 -> add(s, "jiguan.organ.LeaderRemoved", base(committee, organ).put("memberId", member)
                        .put("removedOn", day().toString()));
                case 5 -> add(s, "jiguan.organ.HeadcountReported", base(committee, organ)
                        .put("asOf", day().toString()).put("headcount", random.nextInt(30)));
                case 6, 7 -> add(s, "jiguan.organ.AnnualReportFiled", base(committee, organ).put("year", year)
                        .put("filedOn", LocalDate.of(year + 1, 1, 1).plusDays(random.nextInt(120)).toString())
                        .put("documentNo", "文" + i).put("summary", "总结").put("supplement", random.nextInt(4) == 0)
                        .put("signedBy", member).put("signingBasis", "PRINCIPAL"));
                case 8 -> {
                    LocalDate requested = day();
                    add(s, "jiguan.organ.SpecialReportRequested", base(committee, organ).put("requestId", "r" + i)
                            .put("subject", "专题" + i).put("requestedOn", requested.toString())
                            .put("dueOn", requested.plusDays(random.nextInt(60)).toString()));
                }
                case 9 -> {
                    ObjectNode filed = base(committee, organ).put("reportId", "sr" + i).put("subject", "专题")
                            .put("filedOn", day().toString()).put("documentNo", "专" + i);
                    if (random.nextBoolean()) {
                        filed.put("requestId", "r" + random.nextInt(events + 1))
                                .put("dueOn", day().toString());
                    }
                    add(s, "jiguan.organ.SpecialReportFiled", filed);
                }
                case 10 -> {
                    ObjectNode finding = base(committee, organ).put("findingId", "f" + random.nextInt(4))
                            .put("source", "巡视").put("description", "问题" + i).put("recordedOn", day().toString());
                    if (random.nextInt(4) > 0) {
                        finding.put("rectifyBy", day().toString());
                    }
                    add(s, "jiguan.organ.FindingRecorded", finding);
                }
                case 11 -> add(s, "jiguan.organ.RectificationReported", base(committee, organ)
                        .put("findingId", "f" + random.nextInt(4)).put("reportedOn", day().toString())
                        .put("description", "整改" + i).put("completed", random.nextBoolean()));
                case 12 -> add(s, "jiguan.organ.AssessmentRecorded", base(committee, organ).put("year", year)
                        .put("grade", pick("EXCELLENT", "GOOD", "POOR")).put("assessedOn", day().toString()));
                case 13 -> add(s, "jiguan.organ.AccountabilityMeasureRecorded", base(committee, organ)
                        .put("measureId", "a" + i).put("memberId", member).put("measure", pick("WARNING", "REMOVAL"))
                        .put("reason", "原因").put("decidedOn", day().toString()));
                case 14 -> add(s, "jiguan.organ." + pick("IntegrityStatementFiled", "PersonalMattersReportFiled"),
                        base(committee, organ).put("memberId", member).put("year", year)
                                .put("filedOn", LocalDate.of(year, 12, 1).plusDays(random.nextInt(90)).toString()));
                case 15 -> add(s, "jiguan.organ.DutyAssigned", base(committee, organ).put("dutyCode", "D" + i)
                        .put("description", "职责"));
                default -> add(s, "jiguan.organ.InternalBodyEstablished", base(committee, organ)
                        .put("bodyId", "b" + i).put("name", "处" + i).put("establishedOn", day().toString()));
            }
        }
    }

    private void meeting(String meeting, String organ, String committee) {
        Stream s = stream(AggregateKind.MEETING, meeting, committee, organ);
        Instant scheduled = instant();
        ObjectNode convened = base(committee, organ).put("meetingId", meeting).put("kind", pick("AFFAIRS", "OFFICE"))
                .put("organName", "机关").put("scheduledAt", scheduled.toString())
                .put("noticeGivenAt", scheduled.minusSeconds(86_400 * 3).toString());
        convened.putArray("agenda").addObject().put("itemId", "i1").put("title", "议题").put("category", "MAJOR_DECISION");
        add(s, "jiguan.meeting.MeetingConvened", convened);
        if (random.nextInt(4) > 0) {
            add(s, "jiguan.meeting.MeetingOpened", base(committee, organ).put("meetingId", meeting)
                    .put("openedAt", scheduled.plusSeconds(random.nextInt(3_600)).toString()));
            add(s, "jiguan.meeting.VoteRecorded", base(committee, organ).put("meetingId", meeting).put("itemId", "i1")
                    .put("memberId", "m1").put("choice", "FOR"));
            if (random.nextBoolean()) {
                add(s, "jiguan.meeting.MeetingAdjourned", base(committee, organ).put("meetingId", meeting)
                        .put("at", scheduled.plusSeconds(7_200).toString()));
            }
        }
    }

    private void decision(String decision, String organ, String committee) {
        Stream s = stream(AggregateKind.DECISION, decision, committee, organ);
        boolean urgent = random.nextInt(3) == 0;
        ObjectNode taken = base(committee, organ).put("decisionId", decision).put("decidedOn", day().toString())
                .put("title", "决定").put("category", pick("MAJOR_DECISION", "ROUTINE", "PERSONNEL"));
        if (urgent) {
            taken.put("decidedBy", "m1").put("reason", "紧急");
        } else {
            taken.put("meetingId", organ + "m0").put("itemId", "i1");
        }
        add(s, "jiguan.meeting." + (urgent ? "UrgentDecisionTaken" : "DecisionTaken"), taken);
        for (int i = 0; i < random.nextInt(6); i++) {
            ObjectNode d = base(committee, organ).put("decisionId", decision);
            switch (random.nextInt(6)) {
                case 0 -> add(s, "jiguan.meeting.DecisionTaskAssigned", d.put("taskId", "t" + random.nextInt(3))
                        .put("owner", "处").put("dueOn", day().toString()).put("description", "任务"));
                case 1 -> add(s, "jiguan.meeting.TaskFeedbackReported", d.put("taskId", "t" + random.nextInt(3))
                        .put("reportedOn", day().toString()).put("done", random.nextBoolean()).put("note", "进展"));
                case 2 -> add(s, "jiguan.meeting.DecisionReportedToCommittee", d.put("reportedOn", day().toString())
                        .put("documentNo", "报" + i).put("signedBy", "m1"));
                case 3 -> add(s, "jiguan.meeting.UrgentDecisionReported", d.put("meetingId", organ + "m0")
                        .put("reportedOn", day().toString()));
                case 4 -> add(s, "jiguan.meeting.DecisionRevokedByCommittee", d.put("action", pick("REVOKE", "CHANGE"))
                        .put("reason", "纠正").put("on", day().toString()));
                default -> add(s, "jiguan.meeting.CommitteeReplyRecorded", d.put("kind", "APPROVAL")
                        .put("repliedOn", day().toString()));
            }
        }
    }

    private Stream stream(AggregateKind kind, String id, String committeeId, String organId) {
        return streams.computeIfAbsent(id, k -> new Stream(kind, id, committeeId, organId, new ArrayList<>()));
    }

    private void add(Stream stream, String type, ObjectNode data) {
        // Recorded later as a rule, now and then earlier than the event before it.
        clock = clock.plusSeconds(random.nextInt(5) == 0 ? -50_000 : random.nextInt(200_000));
        stream.events().add(new RecordedEvent(type, stream.id() + "#" + stream.events().size(),
                stream.events().size(), clock, data));
    }

    private ObjectNode base(String committee, String organ) {
        ObjectNode data = JSON.createObjectNode().put("committeeId", committee);
        if (organ != null) {
            data.put("organId", organ);
        }
        return data;
    }

    private LocalDate day() {
        return FIRST_DAY.plusDays(random.nextInt(365 * 4 + 120));
    }

    private Instant instant() {
        return FIRST_DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                .plusSeconds((long) random.nextInt(365 * 4) * 86_400 + random.nextInt(86_400));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    /** The instants the events were recorded between. */
    Instant lastRecorded() {
        return clock;
    }
}
