package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The status of an organ's annual report for a year as of a date (R-SUP-1, R-SUP-2, DOMAIN §6), judged only by
 * what had happened by the end of that date: a later filing or abolition does not count yet.
 */
public final class AnnualReportStatusRule {
    private AnnualReportStatusRule() {
    }

    public static AnnualReportStanding asOf(ReminderPolicy policy, ReportingYear report, LocalDate asOf) {
        ActivePeriod organ = report.organ().asOf(asOf);
        Optional<AnnualObligation> obligation = asOf.isBefore(organ.establishedOn())
                ? Optional.empty()
                : ReportObligations.owed(policy, organ, report.year());
        LocalDate dueOn = obligation.map(AnnualObligation::dueOn).orElse(null);
        if (report.filedBy(asOf)) {
            return new AnnualReportStanding(report.year(), AnnualReportStatus.FILED, dueOn, report.filedOn(), 0);
        }
        if (obligation.isEmpty()) {
            return new AnnualReportStanding(report.year(), AnnualReportStatus.NOT_REQUIRED, null, null, 0);
        }
        // An organ abolished after its due date still owes the report, through every later stage (R-SUP-2).
        LocalDate clock = asOf;
        LocalDate escalatedOn = ReminderSchedule.of(policy, obligation.get()).fireDay(ReminderStage.ESCALATED);
        AnnualReportStatus status;
        if (clock.isBefore(dueOn)) {
            status = AnnualReportStatus.PENDING;
        } else if (clock.isEqual(dueOn)) {
            status = AnnualReportStatus.DUE;
        } else if (clock.isBefore(escalatedOn)) {
            status = AnnualReportStatus.OVERDUE;
        } else {
            status = AnnualReportStatus.ESCALATED;
        }
        long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(dueOn, clock));
        return new AnnualReportStanding(report.year(), status, dueOn, null, daysOverdue);
    }
}
