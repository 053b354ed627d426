package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.platform.testing.OrganQuotaCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A committee's quota and policy (R-COM-2, R-SUP-2), report rows (R-SUP-1) and the dashboard counts. */
class CommitteeAndReportsTest {
    private static final AggregateHistory COMMITTEE = new Events(AggregateKind.COMMITTEE, "c", "c", null)
            .add("CommitteeRegistered", "name", "某省委", "level", "PROVINCIAL", "organQuota", 2,
                    "policy", Map.of("reportDueMonthDay", "--03-31", "cutOffMonthDay", "--09-30",
                            "reminderOffsets", List.of(-30, -7, 0, 1, 30), "calendar", "CN"))
            .add("OrganQuotaSlotTaken", "organId", "o1", "countedInQuota", true, "on", "2024-01-01")
            .add("OrganQuotaSlotTaken", "organId", "o2", "countedInQuota", false, "on", "2024-02-01")
            .add("OrganQuotaSet", "organQuota", 3, "approval", Map.of("approvedOn", "2025-01-01"))
            .add("OrganQuotaSlotReleased", "organId", "o1", "on", "2025-06-01")
            .history();

    static List<OrganQuotaCases.Case> quotaCases() {
        return OrganQuotaCases.all();
    }

    /** The same events organ-service judges by (its OrganLifecycleTest): the figures agree with its refusals. */
    @ParameterizedTest
    @MethodSource("quotaCases")
    void R_COM_2_counts_what_organ_service_judged(OrganQuotaCases.Case quotaCase) {
        Events events = new Events(AggregateKind.COMMITTEE, OrganQuotaCases.COMMITTEE, OrganQuotaCases.COMMITTEE, null);
        quotaCase.events().forEach(e -> events.add(e.type(), e.data().entrySet().stream()
                .flatMap(field -> Stream.of(field.getKey(), field.getValue())).toArray()));
        for (OrganQuotaCases.Probe probe : quotaCase.probes()) {
            CommitteeView view = CommitteeFold.fold(events.history(), TimeSlice.asOf(probe.day())).orElseThrow();
            assertThat(view.organsCounted()).as("counted on %s", probe.day()).isEqualTo(probe.counted());
            assertThat(view.organsSharing()).as("sharing on %s", probe.day()).isEqualTo(probe.sharing());
            assertThat(view.organQuota()).as("quota on %s", probe.day()).isEqualTo(probe.quota());
        }
    }

    @Test
    void R_COM_2_the_quota_in_force_and_the_slots_held_on_a_day() {
        CommitteeView early = CommitteeFold.fold(COMMITTEE, TimeSlice.asOf(LocalDate.parse("2024-06-01"))).orElseThrow();
        assertThat(early.organQuota()).isEqualTo(2);
        assertThat(early.organsCounted()).isEqualTo(1);
        assertThat(early.organsSharing()).isEqualTo(1);
        CommitteeView later = CommitteeFold.fold(COMMITTEE, TimeSlice.asOf(LocalDate.parse("2025-06-01"))).orElseThrow();
        assertThat(later.organQuota()).isEqualTo(3);
        assertThat(later.organsCounted()).isZero();
    }

    @Test
    void R_SUP_2_a_committee_s_own_due_date_sets_the_report_rows() {
        CommitteeView committee = CommitteeFold.fold(COMMITTEE, TimeSlice.asOf(LocalDate.parse("2026-01-01")))
                .orElseThrow();
        OrganProfile known = OrganFold.fold(Events.organ("o1")
                .add("OrganCreated", "name", "甲", "establishedOn", "2020-01-01")
                .add("AnnualReportFiled", "year", 2025, "filedOn", "2026-04-10", "supplement", true)
                .add("AnnualReportFiled", "year", 2025, "filedOn", "2026-04-20", "supplement", false)
                .history(), TimeSlice.everythingKnownAt(null)).orElseThrow();
        AnnualReportRow april = AnnualReportRow.of(committee.policy().reminderPolicy(), known, "甲", 2025,
                LocalDate.parse("2026-04-15")).orElseThrow();
        // Due 2026-03-31 (a Tuesday); a supplement is no comprehensive report.
        assertThat(april.dueOn()).isEqualTo(LocalDate.parse("2026-03-31"));
        assertThat(april.status()).isEqualTo(AnnualReportStatus.OVERDUE);
        assertThat(april.daysOverdue()).isEqualTo(15);
        AnnualReportRow filed = AnnualReportRow.of(committee.policy().reminderPolicy(), known, "甲", 2025,
                LocalDate.parse("2026-04-20")).orElseThrow();
        assertThat(filed.status()).isEqualTo(AnnualReportStatus.FILED);
        assertThat(filed.filedOn()).isEqualTo(LocalDate.parse("2026-04-20"));
    }

    @Test
    void the_dashboard_counts_posts_staff_and_reports_of_active_organs() {
        TimeSlice slice = TimeSlice.asOf(LocalDate.parse("2024-06-01"));
        CommitteeView committee = CommitteeFold.fold(COMMITTEE, slice).orElseThrow();
        OrganProfile organ = OrganFold.fold(Events.organ("o1")
                .add("OrganCreated", "name", "甲", "kind", "GENERAL_OFFICE", "establishedOn", "2024-01-01",
                        "staffingQuota", 10, "leadershipQuota", 2)
                .add("LeaderAppointed", "memberId", "a", "role", "PRINCIPAL", "since", "2024-01-01")
                .add("LeaderAppointed", "memberId", "b", "role", "DEPUTY", "since", "2024-01-01")
                .add("LeaderAppointed", "memberId", "c", "role", "DEPUTY", "since", "2024-01-01")
                .add("HeadcountReported", "headcount", 12, "asOf", "2024-05-01")
                .history(), slice).orElseThrow();
        CommitteeDashboard dashboard = CommitteeDashboard.of("c", committee, List.of(organ), List.of(), List.of(),
                List.of(), 2023, slice.asOf(), null);
        assertThat(dashboard.organs().activeByKind()).containsEntry("GENERAL_OFFICE", 1);
        assertThat(dashboard.leadership().filled()).isEqualTo(3);
        assertThat(dashboard.leadership().organsOverQuota()).isEqualTo(1);
        assertThat(dashboard.staffing().headcount()).isEqualTo(12);
        assertThat(dashboard.staffing().organsOverQuota()).isEqualTo(1);
        assertThat(dashboard.annualReports().byStatus()).containsEntry(AnnualReportStatus.FILED, 0);
    }

    @Test
    void R_SUP_2_a_policy_reminders_cannot_follow_falls_back_to_the_defaults_instead_of_failing_reads() {
        CommitteeView.Policy unknownCalendar = new CommitteeView.Policy("--02-28", "--09-30",
                java.util.List.of(-30, -7, 0, 1, 30), "MARS", null);
        CommitteeView committee = new CommitteeView("c", "某委", "PROVINCIAL", null, 10, unknownCalendar,
                java.util.List.of(), 0, 0);
        assertThat(CommitteeView.Policy.followed(java.util.Optional.of(committee)))
                .isEqualTo(CommitteeView.Policy.defaults().reminderPolicy());
        assertThat(CommitteeView.Policy.followed(java.util.Optional.empty()))
                .isEqualTo(CommitteeView.Policy.defaults().reminderPolicy());
    }
}
