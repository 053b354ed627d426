package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.jiguan.oversight.domain.reports.ActivePeriod;
import org.jiguan.oversight.domain.reports.AnnualReportStanding;
import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.reports.AnnualReportStatusRule;
import org.jiguan.oversight.domain.reports.ReminderPolicy;
import org.jiguan.oversight.domain.reports.ReportingYear;

/**
 * One organ's comprehensive annual work report for a year as of a date (R-SUP-1, R-SUP-2): the row of the
 * annual-reports query and of the dashboard's compliance counts.
 *
 * @param dueOn       the working-day due date; null when the organ owes nothing
 * @param filedOn     the first comprehensive report's date when filed by the day (supplements do not count)
 * @param daysOverdue calendar days past the due date while unfiled
 */
public record AnnualReportRow(String organId, String organName, String committeeId, int year, LocalDate dueOn,
                              AnnualReportStatus status, LocalDate filedOn, long daysOverdue) {

    /**
     * @param known the organ with everything known about it, whatever the business dates ({@link
     *              TimeSlice#everythingKnownAt}): the rule itself judges establishment, abolition and filing by the day
     * @param name  the organ's name to show
     */
    public static Optional<AnnualReportRow> of(ReminderPolicy policy, OrganProfile known, String name, int year,
                                               LocalDate asOf) {
        Optional<ReportingYear> report = reportingYear(known, year);
        if (report.isEmpty()) {
            return Optional.empty();
        }
        AnnualReportStanding standing = AnnualReportStatusRule.asOf(policy, report.get(), asOf);
        return Optional.of(new AnnualReportRow(known.organId(), name, known.committeeId(), year, standing.dueOn(),
                standing.status(), standing.filedOn(), standing.daysOverdue()));
    }

    /**
     * What the rules need of an organ for a year: when it existed and when its first comprehensive report for the
     * year was filed (supplements do not count, R-SUP-1). Empty when its establishment is not known.
     *
     * @param known the organ with everything known about it, whatever the business dates
     */
    public static Optional<ReportingYear> reportingYear(OrganProfile known, int year) {
        if (known.establishedOn() == null) {
            return Optional.empty();
        }
        LocalDate abolished = known.abolishedOn() == null || known.abolishedOn().isBefore(known.establishedOn())
                ? null : known.abolishedOn();
        ActivePeriod period = new ActivePeriod(known.establishedOn(), abolished);
        LocalDate filedOn = known.annualReports().stream()
                .filter(r -> r.year() == year)
                .sorted(Comparator.comparing(OrganProfile.AnnualReport::supplement)
                        .thenComparing(OrganProfile.AnnualReport::filedOn))
                .map(OrganProfile.AnnualReport::filedOn)
                .findFirst().orElse(null);
        return Optional.of(new ReportingYear(period, year, filedOn));
    }
}
