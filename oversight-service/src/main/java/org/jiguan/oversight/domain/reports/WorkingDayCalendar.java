package org.jiguan.oversight.domain.reports;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.jiguan.platform.rules.RuleViolation;

/**
 * Which days a committee works (R-SUP-2). Weekends are off unless announced as make-up working days (调休上班);
 * public holidays are off. The dates are data ({@code calendars/<NAME>.json}, see {@link WorkingDayCalendars}),
 * because China announces them year by year and a committee may add local ones.
 *
 * @param announcedYears the years whose national schedule is in the data; other years know only weekends and
 *                       fixed-date holidays, so a date computed for them may still move when the year is announced
 */
public record WorkingDayCalendar(String name, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkingDays,
                                 Set<Integer> announcedYears) {

    /** No calendar has a run of non-working days this long; past it the data must be wrong, not the loop. */
    private static final int LONGEST_BREAK_DAYS = 366;

    public WorkingDayCalendar {
        holidays = Set.copyOf(holidays);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        announcedYears = Set.copyOf(announcedYears);
        Set<LocalDate> both = new HashSet<>(holidays);
        both.retainAll(makeUpWorkingDays);
        RuleViolation.require(both.isEmpty(), "R-SUP-2",
                "calendar " + name + " lists " + both + " both as holiday and as make-up working day");
    }

    public boolean isWorkingDay(LocalDate date) {
        if (makeUpWorkingDays.contains(date)) {
            return true;
        }
        return !holidays.contains(date) && !isWeekend(date);
    }

    /** The due date rule: a deadline on a non-working day moves forward, never back (R-SUP-2). */
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < LONGEST_BREAK_DAYS; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw noWorkingDayNear(date);
    }

    /** The {@code days}-th working day after {@code date} (not counting {@code date}): a deadline in working days. */
    public LocalDate plusWorkingDays(LocalDate date, int days) {
        LocalDate day = date;
        for (int counted = 0; counted < days; ) {
            day = nextWorkingDayOnOrAfter(day.plusDays(1));
            counted++;
        }
        return day;
    }

    /** For advance warnings: moved back, so the notice promised is never shortened by a holiday. */
    public LocalDate lastWorkingDayOnOrBefore(LocalDate date) {
        LocalDate day = date;
        for (int i = 0; i < LONGEST_BREAK_DAYS; i++, day = day.minusDays(1)) {
            if (isWorkingDay(day)) {
                return day;
            }
        }
        throw noWorkingDayNear(date);
    }

    public boolean isAnnounced(int year) {
        return announcedYears.contains(year);
    }

    /**
     * This calendar plus a committee's local days. A local entry wins over a national one for the same date: a
     * local holiday on a national make-up Saturday makes that Saturday a day off there.
     */
    public WorkingDayCalendar withLocalDays(Collection<LocalDate> localHolidays, Collection<LocalDate> localWorkingDays) {
        if (localHolidays.isEmpty() && localWorkingDays.isEmpty()) {
            return this;
        }
        Set<LocalDate> off = new HashSet<>(holidays);
        Set<LocalDate> on = new HashSet<>(makeUpWorkingDays);
        on.removeAll(localHolidays);
        off.removeAll(localWorkingDays);
        off.addAll(localHolidays);
        on.addAll(localWorkingDays);
        return new WorkingDayCalendar(name + "+local", off, on, announcedYears);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }

    private IllegalStateException noWorkingDayNear(LocalDate date) {
        return new IllegalStateException("calendar " + name + " has no working day within a year of " + date);
    }
}
