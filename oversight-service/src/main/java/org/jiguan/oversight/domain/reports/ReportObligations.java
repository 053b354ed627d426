package org.jiguan.oversight.domain.reports;

import java.time.LocalDate;
import java.util.Optional;

/** Whether an organ owes a comprehensive annual work report for a year, and by when (R-SUP-1, R-SUP-2). */
public final class ReportObligations {
    private ReportObligations() {
    }

    /**
     * R-SUP-1: owed when the organ was active on the cut-off day of {@code year} (established on or before it,
     * not abolished before it). R-SUP-2: owed by the policy's due day of {@code year + 1}, moved forward to a
     * working day; an organ abolished before that due date owes nothing for the year.
     */
    public static Optional<AnnualObligation> owed(ReminderPolicy policy, ActivePeriod organ, int year) {
        if (!organ.activeOn(policy.cutOffDay(year))) {
            return Optional.empty();
        }
        LocalDate dueOn = dueDate(policy, year);
        if (organ.abolishedBefore(dueOn)) {
            return Optional.empty();
        }
        return Optional.of(new AnnualObligation(year, dueOn));
    }

    /** The due date of the report for {@code year} under {@code policy}, whether or not a given organ owes it. */
    public static LocalDate dueDate(ReminderPolicy policy, int year) {
        return policy.calendar().nextWorkingDayOnOrAfter(policy.nominalDueDate(year));
    }
}
