package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.WithdrawalReason;

import static org.jiguan.oversight.api.ReminderStage.DUE;
import static org.jiguan.oversight.api.ReminderStage.DUE_SOON;
import static org.jiguan.oversight.api.ReminderStage.ESCALATED;
import static org.jiguan.oversight.api.ReminderStage.OVERDUE;
import static org.jiguan.oversight.api.ReminderStage.UPCOMING;
import static org.jiguan.oversight.domain.reports.YearWalk.issued;
import static org.jiguan.oversight.domain.reports.YearWalk.walk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * R-SUP-1/R-SUP-2 reminders for the 2025 report, walked day by day from 2025-12-01 to 2026-04-01. With the
 * default policy on the CN calendar the report is due Monday 2026-02-02 (31 January is a Saturday).
 */
class ReminderPlannerTest {
    private static final ReminderPolicy DEFAULTS = ReminderPolicy.defaults();
    private static final ActivePeriod LONG_STANDING = ActivePeriod.since(LocalDate.of(2020, 6, 1));
    private static final ReportingYear UNFILED_2025 = ReportingYear.unfiled(LONG_STANDING, 2025);

    /** UPCOMING: 2026-01-03 is the New Year holiday, and so are 1–2 January: moved back to Wednesday 31 December. */
    private static final List<YearWalk.Issued> ALL_FIVE = List.of(
            issued(UPCOMING, "2025-12-31"),
            issued(DUE_SOON, "2026-01-26"),
            issued(DUE, "2026-02-02"),
            issued(OVERDUE, "2026-02-03"),
            issued(ESCALATED, "2026-03-04"));

    @Test
    void R_SUP_2_each_stage_fires_once_on_its_working_day() {
        assertEquals(ALL_FIVE, walk(DEFAULTS, UNFILED_2025));
    }

    @Test
    void R_SUP_2_filing_closes_all_later_stages() {
        assertEquals(ALL_FIVE.subList(0, 2), walk(DEFAULTS, UNFILED_2025.filed(LocalDate.of(2026, 1, 28))));
        assertEquals(ALL_FIVE.subList(0, 4), walk(DEFAULTS, UNFILED_2025.filed(LocalDate.of(2026, 2, 10))));
        assertEquals(ALL_FIVE.subList(0, 1), walk(DEFAULTS, UNFILED_2025.filed(LocalDate.of(2026, 1, 26).minusDays(1))));
    }

    @Test
    void R_SUP_2_a_report_filed_before_any_stage_gets_no_reminder_at_all() {
        assertEquals(List.of(), walk(DEFAULTS, UNFILED_2025.filed(LocalDate.of(2025, 12, 15))));
    }

    @Test
    void R_SUP_2_a_report_filed_on_a_stage_day_stops_that_stage() {
        assertEquals(ALL_FIVE.subList(0, 2), walk(DEFAULTS, UNFILED_2025.filed(LocalDate.of(2026, 2, 2))));
    }

    @Test
    void R_SUP_2_an_organ_abolished_before_the_due_date_gets_nothing() {
        ReportingYear abolished = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2026, 1, 15)), 2025);
        assertEquals(List.of(), walk(DEFAULTS, abolished));
    }

    @Test
    void R_SUP_2_an_organ_abolished_after_the_due_date_still_goes_through_every_stage() {
        ReportingYear abolished = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2026, 2, 20)), 2025);
        assertEquals(ALL_FIVE, walk(DEFAULTS, abolished));
    }

    @Test
    void R_SUP_2_a_stage_is_withdrawn_when_the_report_recorded_late_was_filed_before_its_day() {
        ReportingYear filed = UNFILED_2025.filed(LocalDate.of(2026, 1, 20));
        assertEquals(Optional.empty(), ReminderPlanner.withdrawal(DEFAULTS, filed, UPCOMING), "issued before filing");
        for (ReminderStage stage : List.of(DUE_SOON, DUE, OVERDUE, ESCALATED)) {
            assertEquals(Optional.of(new ReminderPlanner.Withdrawal(WithdrawalReason.FILED_BEFORE_STAGE,
                    LocalDate.of(2026, 1, 20))), ReminderPlanner.withdrawal(DEFAULTS, filed, stage), stage.name());
        }
        assertEquals(Optional.empty(), ReminderPlanner.withdrawal(DEFAULTS,
                UNFILED_2025.filed(LocalDate.of(2026, 2, 2)), DUE), "filed on the stage's day: it stands");
        assertEquals(Optional.empty(), ReminderPlanner.withdrawal(DEFAULTS, UNFILED_2025, ESCALATED), "not filed");
    }

    @Test
    void R_SUP_2_a_stage_is_withdrawn_when_the_organ_turns_out_not_to_owe_the_report() {
        ReportingYear abolishedBeforeDue = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2026, 1, 15)),
                2025);
        assertEquals(Optional.of(new ReminderPlanner.Withdrawal(WithdrawalReason.NOT_OWED, null)),
                ReminderPlanner.withdrawal(DEFAULTS, abolishedBeforeDue, UPCOMING));
    }

    @Test
    void R_SUP_1_an_organ_established_after_the_cut_off_owes_nothing_for_that_year() {
        ReportingYear lateComer = ReportingYear.unfiled(ActivePeriod.since(LocalDate.of(2025, 10, 1)), 2025);
        assertEquals(List.of(), walk(DEFAULTS, lateComer));
    }

    @Test
    void R_SUP_1_an_organ_established_on_the_cut_off_day_owes_the_report() {
        ReportingYear onTheDay = ReportingYear.unfiled(ActivePeriod.since(LocalDate.of(2025, 9, 30)), 2025);
        assertEquals(ALL_FIVE, walk(DEFAULTS, onTheDay));
    }

    @Test
    void R_SUP_1_an_organ_abolished_before_the_cut_off_owes_nothing() {
        ReportingYear gone = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2025, 9, 29)), 2025);
        assertEquals(List.of(), walk(DEFAULTS, gone));
    }

    @Test
    void R_SUP_2_after_ten_days_of_downtime_only_the_latest_stage_is_issued() {
        Set<LocalDate> down = new HashSet<>();
        for (LocalDate day = LocalDate.of(2026, 1, 30); day.isBefore(LocalDate.of(2026, 2, 9)); day = day.plusDays(1)) {
            down.add(day);
        }
        assertEquals(10, down.size());

        assertEquals(List.of(
                issued(UPCOMING, "2025-12-31"),
                issued(DUE_SOON, "2026-01-26"),
                issued(OVERDUE, "2026-02-09"), // DUE (2026-02-02) is skipped for good
                issued(ESCALATED, "2026-03-04")), walk(DEFAULTS, UNFILED_2025, down));
    }

    @Test
    void R_SUP_2_a_catch_up_names_the_stages_it_skips_and_when_it_was_scheduled() {
        ReminderToIssue late = ReminderPlanner.stageToIssue(DEFAULTS, UNFILED_2025,
                EnumSet.of(UPCOMING, DUE_SOON), LocalDate.of(2026, 2, 9)).orElseThrow();

        assertEquals(new ReminderToIssue(OVERDUE, 2025, LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 3), List.of(DUE)), late);
    }

    @Test
    void R_SUP_2_data_recorded_late_issues_one_escalation_not_a_burst() {
        // The organ's establishment is recorded in June 2026: everything for 2025 is long past.
        ReminderToIssue only = ReminderPlanner.stageToIssue(DEFAULTS, UNFILED_2025, Set.of(), LocalDate.of(2026, 6, 15))
                .orElseThrow();
        assertEquals(ESCALATED, only.stage());
        assertEquals(List.of(UPCOMING, DUE_SOON, DUE, OVERDUE), only.skipped());
        assertTrue(ReminderPlanner.stageToIssue(DEFAULTS, UNFILED_2025, Set.of(ESCALATED), LocalDate.of(2026, 6, 16)).isEmpty());
    }

    @Test
    void R_SUP_2_custom_offsets_on_a_committee_calendar_with_a_local_holiday() {
        // A local holiday on Monday 2 February moves the due date to Tuesday 3 February.
        WorkingDayCalendar local = WorkingDayCalendars.named("CN").withLocalDays(List.of(LocalDate.of(2026, 2, 2)), List.of());
        ReminderPolicy policy = ReminderPolicy.of("--01-31", "--09-30", List.of(-14, -3, 0, 2, 15), local);

        assertEquals(List.of(
                issued(UPCOMING, "2026-01-20"),
                issued(DUE_SOON, "2026-01-30"),  // 31 January is a Saturday: moved back to Friday
                issued(DUE, "2026-02-03"),
                issued(OVERDUE, "2026-02-05"),
                issued(ESCALATED, "2026-02-24")), // 18 February falls in the Spring Festival: moved past it
                walk(policy, UNFILED_2025));
    }

    @Test
    void R_SUP_2_an_advance_warning_never_slides_onto_the_due_date_across_the_spring_festival() {
        // Due 20 February: a holiday, so due Tuesday 24 February 2026. "Due in 7 days" would fall on 17 February,
        // inside the holiday; moving it forward would land it on the due date, so it moves back, to the
        // make-up working Saturday 14 February.
        ReminderPolicy policy = ReminderPolicy.of("--02-20", null, null, WorkingDayCalendars.named("CN"));

        assertEquals(List.of(
                issued(UPCOMING, "2026-01-23"),
                issued(DUE_SOON, "2026-02-14"),
                issued(DUE, "2026-02-24"),
                issued(OVERDUE, "2026-02-25"),
                issued(ESCALATED, "2026-03-26")), walk(policy, UNFILED_2025));
    }
}
