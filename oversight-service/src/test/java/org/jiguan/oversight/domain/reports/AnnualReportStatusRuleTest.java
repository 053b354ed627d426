package org.jiguan.oversight.domain.reports;

import static org.jiguan.oversight.domain.reports.AnnualReportStatus.DUE;
import static org.jiguan.oversight.domain.reports.AnnualReportStatus.ESCALATED;
import static org.jiguan.oversight.domain.reports.AnnualReportStatus.FILED;
import static org.jiguan.oversight.domain.reports.AnnualReportStatus.NOT_REQUIRED;
import static org.jiguan.oversight.domain.reports.AnnualReportStatus.OVERDUE;
import static org.jiguan.oversight.domain.reports.AnnualReportStatus.PENDING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The annual-reports query's status and days overdue for the 2025 report (due Monday 2026-02-02), as of a date. */
class AnnualReportStatusRuleTest {
    private static final ReminderPolicy DEFAULTS = ReminderPolicy.defaults();
    private static final LocalDate DUE_ON = LocalDate.of(2026, 2, 2);
    private static final ActivePeriod LONG_STANDING = ActivePeriod.since(LocalDate.of(2020, 6, 1));
    private static final ReportingYear UNFILED = ReportingYear.unfiled(LONG_STANDING, 2025);

    @Test
    void R_SUP_2_status_moves_from_pending_to_due_to_overdue_to_escalated() {
        assertEquals(standing(PENDING, DUE_ON, null, 0), at(UNFILED, "2026-01-15"));
        assertEquals(standing(DUE, DUE_ON, null, 0), at(UNFILED, "2026-02-02"));
        assertEquals(standing(OVERDUE, DUE_ON, null, 1), at(UNFILED, "2026-02-03"));
        assertEquals(standing(OVERDUE, DUE_ON, null, 29), at(UNFILED, "2026-03-03"));
        assertEquals(standing(ESCALATED, DUE_ON, null, 30), at(UNFILED, "2026-03-04"));
        assertEquals(standing(ESCALATED, DUE_ON, null, 148), at(UNFILED, "2026-06-30"));
    }

    @Test
    void R_SUP_1_a_late_report_is_overdue_until_the_day_it_is_filed() {
        ReportingYear late = UNFILED.filed(LocalDate.of(2026, 2, 10));
        assertEquals(standing(OVERDUE, DUE_ON, null, 7), at(late, "2026-02-09"));
        assertEquals(standing(FILED, DUE_ON, LocalDate.of(2026, 2, 10), 0), at(late, "2026-02-10"));
    }

    @Test
    void R_SUP_1_no_obligation_is_not_required() {
        ReportingYear lateComer = ReportingYear.unfiled(ActivePeriod.since(LocalDate.of(2025, 10, 1)), 2025);
        assertEquals(standing(NOT_REQUIRED, null, null, 0), at(lateComer, "2026-03-01"));
        ReportingYear notYetEstablished = ReportingYear.unfiled(ActivePeriod.since(LocalDate.of(2025, 6, 1)), 2025);
        assertEquals(standing(NOT_REQUIRED, null, null, 0), at(notYetEstablished, "2025-05-01"));
        assertEquals(standing(PENDING, DUE_ON, null, 0), at(notYetEstablished, "2025-06-01"));
    }

    @Test
    void R_SUP_2_an_abolition_counts_only_from_its_date() {
        ReportingYear abolished = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2026, 1, 15)), 2025);
        assertEquals(standing(PENDING, DUE_ON, null, 0), at(abolished, "2026-01-10"));
        assertEquals(standing(NOT_REQUIRED, null, null, 0), at(abolished, "2026-01-20"));
    }

    @Test
    void R_SUP_2_an_organ_abolished_after_its_due_date_still_owes_the_report_through_every_stage() {
        ReportingYear abolished = ReportingYear.unfiled(LONG_STANDING.abolished(LocalDate.of(2026, 2, 20)), 2025);
        assertEquals(standing(OVERDUE, DUE_ON, null, 18), at(abolished, "2026-02-20"));
        assertEquals(standing(ESCALATED, DUE_ON, null, 148), at(abolished, "2026-06-30"));
    }

    private static AnnualReportStanding at(ReportingYear report, String asOf) {
        return AnnualReportStatusRule.asOf(DEFAULTS, report, LocalDate.parse(asOf));
    }

    private static AnnualReportStanding standing(AnnualReportStatus status, LocalDate dueOn, LocalDate filedOn, long days) {
        return new AnnualReportStanding(2025, status, dueOn, filedOn, days);
    }
}
