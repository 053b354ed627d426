package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Decisions' status and tasks (R-MEET-12…14), meetings' items and the dating of undated acts in a meeting. */
class DecisionAndMeetingFoldTest {

    private static DecisionView decision(AggregateHistory history, String asOf) {
        return DecisionFold.fold(history, TimeSlice.asOf(LocalDate.parse(asOf))).orElseThrow();
    }

    @Test
    void R_MEET_14_an_urgent_decision_is_pending_report_until_reported() {
        AggregateHistory urgent = new Events(AggregateKind.DECISION, "d1", "c", "o")
                .add("UrgentDecisionTaken", "decidedOn", "2025-03-01", "decidedBy", "p1", "title", "抗洪")
                .add("UrgentDecisionReported", "meetingId", "m9", "reportedOn", "2025-03-20")
                .history();
        assertThat(DecisionFold.fold(urgent, TimeSlice.asOf(LocalDate.parse("2025-02-28")))).isEmpty();
        assertThat(decision(urgent, "2025-03-10").status()).isEqualTo(DecisionStatus.PENDING_REPORT);
        assertThat(decision(urgent, "2025-03-20").status()).isEqualTo(DecisionStatus.IN_FORCE);
    }

    @Test
    void R_MEET_14_an_urgent_decision_not_reported_shows_overdue_once_the_next_affairs_meeting_has_ended() {
        AggregateHistory urgent = new Events(AggregateKind.DECISION, "d1", "c", "o")
                .add("UrgentDecisionTaken", "decidedOn", "2025-03-01", "decidedBy", "p1", "title", "抗洪")
                .history();
        AggregateHistory office = meeting("m0", "OFFICE", "2025-03-02T02:00:00Z", "2025-03-02T04:00:00Z");
        AggregateHistory next = meeting("m1", "AFFAIRS", "2025-03-05T02:00:00Z", "2025-03-05T04:00:00Z");
        AggregateHistory later = meeting("m2", "AFFAIRS", "2025-03-12T02:00:00Z", null);
        for (String day : List.of("2025-03-04", "2025-03-05", "2025-03-06", "2025-03-12")) {
            TimeSlice slice = TimeSlice.asOf(LocalDate.parse(day));
            List<MeetingView> meetings = java.util.stream.Stream.of(office, later, next)
                    .map(h -> MeetingFold.fold(h, slice)).flatMap(java.util.Optional::stream).toList();
            DecisionStatus status = DecisionFold.fold(urgent, slice,
                    ReportingContext.of(org.jiguan.oversight.domain.reports.ReminderPolicy.defaults())
                            .withMeetings(meetings)).orElseThrow().status();
            // Pending until the next affairs meeting (not the office meeting) has ended, overdue from then on.
            assertThat(status).as(day).isEqualTo(day.equals("2025-03-04") ? DecisionStatus.PENDING_REPORT
                    : DecisionStatus.REPORT_OVERDUE);
        }
    }

    /** R-DEC-1 "the committee's policy deadline": a committee may give itself another than 10 working days. */
    @Test
    void R_DEC_1_the_deadline_is_the_committees_own_when_its_policy_states_one() {
        AggregateHistory major = new Events(AggregateKind.DECISION, "d4", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-03-03", "meetingId", "m1", "itemId", "i1",
                        "category", "LARGE_FUNDS", "title", "专项资金")
                .history();
        CommitteeView fifteen = new CommitteeView("c", "某省委", "PROVINCIAL", "central", 10,
                new CommitteeView.Policy("--01-31", "--09-30", null, "CN", 15), List.of(), 0, 0);
        TimeSlice slice = TimeSlice.asOf(LocalDate.parse("2025-03-20"));
        DecisionView.CommitteeReport report = DecisionFold.fold(major, slice,
                ReportingContext.of(java.util.Optional.of(fifteen))).orElseThrow().committeeReport();
        assertThat(report.dueOn()).as("15 working days after Monday 3 March").isEqualTo(LocalDate.parse("2025-03-24"));
        assertThat(report.status()).isEqualTo(CommitteeReportStatus.PENDING);
        assertThat(DecisionFold.fold(major, slice, ReportingContext.of(java.util.Optional.empty())).orElseThrow()
                .committeeReport().dueOn()).as("a committee not known: 10").isEqualTo(LocalDate.parse("2025-03-17"));
    }

    /** A meeting of organ o opened at {@code openedAt} and, unless null, adjourned at {@code adjournedAt}. */
    private static AggregateHistory meeting(String id, String kind, String openedAt, String adjournedAt) {
        Events events = new Events(AggregateKind.MEETING, id, "c", "o")
                .add("MeetingConvened", "kind", kind, "scheduledAt", openedAt, "agenda", List.of())
                .add("MeetingOpened", "openedAt", openedAt, "present", List.of("p1"), "absent", List.of());
        if (adjournedAt != null) {
            events.add("MeetingAdjourned", "at", adjournedAt, "undecidedItemIds", List.of());
        }
        return events.history();
    }

    @Test
    void R_DEC_1_a_major_or_urgent_decision_is_pending_report_to_the_committee_then_overdue_after_ten_working_days() {
        AggregateHistory major = new Events(AggregateKind.DECISION, "d2", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-03-03", "meetingId", "m1", "itemId", "i1",
                        "category", "LARGE_FUNDS", "title", "专项资金")
                .history();
        assertThat(decision(major, "2025-03-17").committeeReport().status()).isEqualTo(CommitteeReportStatus.PENDING);
        assertThat(decision(major, "2025-03-17").committeeReport().dueOn()).isEqualTo(LocalDate.parse("2025-03-17"));
        assertThat(decision(major, "2025-03-18").committeeReport().status()).isEqualTo(CommitteeReportStatus.OVERDUE);

        AggregateHistory reported = new Events(AggregateKind.DECISION, "d2", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-03-03", "meetingId", "m1", "itemId", "i1",
                        "category", "LARGE_FUNDS", "title", "专项资金")
                .add("DecisionReportedToCommittee", "reportedOn", "2025-03-20", "documentNo", "组〔2025〕3号",
                        "signedBy", "p1", "signingBasis", "PRINCIPAL")
                .add("CommitteeReplyRecorded", "kind", "REPLY", "repliedOn", "2025-03-25", "note", "同意")
                .history();
        DecisionView.CommitteeReport late = decision(reported, "2025-03-26").committeeReport();
        assertThat(late.status()).isEqualTo(CommitteeReportStatus.REPORTED);
        assertThat(late.late()).isTrue();
        assertThat(late.signedBy()).isEqualTo("p1");
        assertThat(late.reply().kind()).isEqualTo("REPLY");
        assertThat(decision(reported, "2025-03-19").committeeReport().status())
                .as("as of a day before the report").isEqualTo(CommitteeReportStatus.OVERDUE);

        AggregateHistory ordinary = new Events(AggregateKind.DECISION, "d3", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-03-03", "meetingId", "m1", "itemId", "i2",
                        "category", "PARTY_BUILDING", "title", "党建")
                .history();
        assertThat(decision(ordinary, "2025-04-30").committeeReport().status())
                .isEqualTo(CommitteeReportStatus.NOT_REQUIRED);
        AggregateHistory urgent = new Events(AggregateKind.DECISION, "d4", "c", "o")
                .add("UrgentDecisionTaken", "decidedOn", "2025-03-03", "decidedBy", "p1", "title", "抗洪",
                        "category", "OTHER")
                .history();
        assertThat(decision(urgent, "2025-03-04").committeeReport().status()).isEqualTo(CommitteeReportStatus.PENDING);
    }

    @Test
    void R_MEET_12_R_MEET_13_tasks_fall_overdue_and_a_committee_change_or_a_reconsideration_ends_the_decision() {
        AggregateHistory taken = new Events(AggregateKind.DECISION, "d2", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-04-10", "meetingId", "m1", "itemId", "i1", "origin", "MEETING")
                .recordedAt("2026-01-05T00:00:00Z")
                .add("DecisionTaskAssigned", "taskId", "t1", "owner", "处", "dueOn", "2025-05-31")
                .add("DecisionTaskAssigned", "taskId", "t2", "owner", "处", "dueOn", "2025-05-31")
                .add("TaskFeedbackReported", "taskId", "t2", "reportedOn", "2025-05-20", "done", true)
                .add("DecisionRevokedByCommittee", "action", "CHANGE", "reason", "不当", "on", "2025-09-01")
                .history();
        DecisionView june = decision(taken, "2025-06-01");
        assertThat(june.status()).isEqualTo(DecisionStatus.IN_FORCE);
        assertThat(june.overdueTasks()).isEqualTo(1);
        assertThat(june.tasks()).extracting(DecisionView.Task::done).containsExactly(false, true);
        assertThat(decision(taken, "2025-05-31").overdueTasks()).isZero();
        assertThat(decision(taken, "2025-09-01").status()).isEqualTo(DecisionStatus.CHANGED);

        AggregateHistory reconsidered = new Events(AggregateKind.DECISION, "d3", "c", "o")
                .add("DecisionTaken", "decidedOn", "2025-04-10")
                .add("DecisionReconsidered", "byMeetingId", "m2", "newDecisionId", "d4", "on", "2025-08-01")
                .history();
        assertThat(decision(reconsidered, "2025-08-01").status()).isEqualTo(DecisionStatus.RECONSIDERED);
        assertThat(decision(reconsidered, "2025-08-01").reconsideredBy().newDecisionId()).isEqualTo("d4");
    }

    @Test
    void preparation_completed_before_the_convening_and_votes_after_it_all_count() {
        AggregateHistory meeting = new Events(AggregateKind.MEETING, "m2", "c", "o")
                .add("MeetingConvened", "kind", "AFFAIRS", "scheduledAt", "2026-11-18T01:00:00Z",
                        "noticeGivenAt", "2026-11-16T09:00:00Z",
                        "agenda", List.of(Map.of("itemId", "i1", "title", "经费", "category", "LARGE_FUNDS")))
                .add("MeetingOpened", "openedAt", "2026-11-18T01:02:00Z", "present", List.of("a", "b"),
                        "absent", List.of())
                .add("ItemPreparationRecorded", "itemId", "i1", "step", "INVESTIGATION", "completedOn", "2026-11-12")
                .add("VotingOpened", "itemId", "i1", "method", "SHOW_OF_HANDS")
                .add("VoteRecorded", "itemId", "i1", "memberId", "a", "choice", "FOR")
                .history();
        assertThat(meeting.dated()).extracting(DatedEvent::businessDate).map(LocalDate::toString).containsExactly(
                "2026-11-16", "2026-11-18", "2026-11-16", "2026-11-18", "2026-11-18");
        MeetingView.Item item = MeetingFold.fold(meeting, TimeSlice.asOf(LocalDate.parse("2026-11-23")))
                .orElseThrow().agenda().get(0);
        assertThat(item.preparation()).hasSize(1);
        assertThat(item.votesCast()).isEqualTo(1);
    }

    @Test
    void a_meeting_s_items_votes_and_minutes_with_votes_dated_on_the_meeting_day() {
        AggregateHistory meeting = new Events(AggregateKind.MEETING, "m1", "c", "o")
                .add("MeetingConvened", "kind", "AFFAIRS", "scheduledAt", "2025-04-10T02:00:00Z",
                        "noticeGivenAt", "2025-04-08T02:00:00Z",
                        "agenda", List.of(Map.of("itemId", "i1", "title", "甲", "category", "PERSONNEL"),
                                Map.of("itemId", "i2", "title", "乙", "category", "OTHER")))
                .add("MeetingOpened", "openedAt", "2025-04-10T02:05:00Z", "present", List.of("a", "b"),
                        "absent", List.of(Map.of("memberId", "c", "writtenOpinion", "同意")))
                .add("MemberRecused", "itemId", "i1", "memberId", "b")
                .add("VotingOpened", "itemId", "i1", "method", "SECRET_BALLOT")
                .add("VoteRecorded", "itemId", "i1", "memberId", "a")
                .add("ItemAdopted", "itemId", "i1", "decisionId", "d1", "forVotes", 2, "againstVotes", 0,
                        "abstentions", 0, "membersWhoShouldAttend", 3, "decidedAt", "2025-04-10T03:00:00Z")
                .add("ItemDeferred", "itemId", "i2", "reason", "分歧")
                .add("MinutesRecorded", "recorderId", "r")
                .add("MinutesIssued", "signedBy", "a", "issuedAt", "2025-04-15T02:00:00Z")
                .add("MeetingAdjourned", "at", "2025-04-10T04:00:00Z", "undecidedItemIds", List.of())
                .history();
        assertThat(meeting.dated()).extracting(DatedEvent::businessDate).map(LocalDate::toString).containsExactly(
                "2025-04-08", "2025-04-10", "2025-04-10", "2025-04-10", "2025-04-10", "2025-04-10", "2025-04-10",
                "2025-04-10", "2025-04-15", "2025-04-10");

        MeetingView on10 = MeetingFold.fold(meeting, TimeSlice.asOf(LocalDate.parse("2025-04-10"))).orElseThrow();
        assertThat(on10.status()).isEqualTo(MeetingView.Status.ADJOURNED);
        assertThat(on10.agenda()).extracting(MeetingView.Item::status)
                .containsExactly(MeetingView.ItemStatus.ADOPTED, MeetingView.ItemStatus.DEFERRED);
        MeetingView.Item first = on10.agenda().get(0);
        assertThat(first.recusals()).containsExactly("b");
        assertThat(first.forVotes()).isEqualTo(2);
        assertThat(first.decisionId()).isEqualTo("d1");
        assertThat(on10.attendance().absent()).extracting(MeetingView.Absence::writtenOpinion).containsExactly("同意");
        assertThat(on10.minutes().status()).isEqualTo(MeetingView.MinutesStatus.RECORDED);
        MeetingView later = MeetingFold.fold(meeting, TimeSlice.asOf(LocalDate.parse("2025-04-15"))).orElseThrow();
        assertThat(later.minutes().status()).isEqualTo(MeetingView.MinutesStatus.ISSUED);
        MeetingView before = MeetingFold.fold(meeting, TimeSlice.asOf(LocalDate.parse("2025-04-09"))).orElseThrow();
        assertThat(before.status()).isEqualTo(MeetingView.Status.CONVENED);
        assertThat(before.agenda()).extracting(MeetingView.Item::status).containsOnly(MeetingView.ItemStatus.PENDING);
    }
}
