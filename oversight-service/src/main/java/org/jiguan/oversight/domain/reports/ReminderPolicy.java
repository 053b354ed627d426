package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

import org.jiguan.platform.rules.RuleViolation;

/**
 * A committee's annual-report policy as oversight applies it (R-SUP-1, R-SUP-2): the report for year Y is due on
 * {@code reportDue} of Y+1, an organ active on {@code cutOff} of Y owes one, and the reminder stages fire at
 * {@code offsets} days from the due date, one offset per {@link ReminderStage} in order.
 */
public record ReminderPolicy(MonthDay reportDue, MonthDay cutOff, List<Integer> offsets, WorkingDayCalendar calendar) {

    public static final String DEFAULT_DUE = "--01-31";
    public static final String DEFAULT_CUT_OFF = "--09-30";
    public static final String DEFAULT_CALENDAR = "CN";

    public ReminderPolicy {
        Objects.requireNonNull(reportDue, "reportDue");
        Objects.requireNonNull(cutOff, "cutOff");
        Objects.requireNonNull(calendar, "calendar");
        offsets = List.copyOf(offsets);
        RuleViolation.require(offsets.size() == ReminderStage.values().length, "R-SUP-2",
                "reminder offsets " + offsets + " must be five, one per stage UPCOMING, DUE_SOON, DUE, OVERDUE, ESCALATED");
        for (int i = 1; i < offsets.size(); i++) {
            RuleViolation.require(offsets.get(i - 1) < offsets.get(i), "R-SUP-2",
                    "reminder offsets " + offsets + " must be strictly ascending");
        }
        // DUE is the due date itself; the status rule (DUE on the day, OVERDUE after) depends on it.
        RuleViolation.require(offsets.get(ReminderStage.DUE.ordinal()) == 0, "R-SUP-2",
                "the DUE offset must be 0, got " + offsets);
    }

    /** The defaults of R-SUP-2 on the mainland China calendar. */
    public static ReminderPolicy defaults() {
        return of(DEFAULT_DUE, DEFAULT_CUT_OFF, ReminderStage.defaultOffsets(),
                WorkingDayCalendars.named(DEFAULT_CALENDAR));
    }

    /**
     * From the strings a committee's policy carries in {@code CommitteeRegistered} ({@code --01-31}, {@code CN}, …);
     * a missing value takes its default, as organ-service fills them.
     */
    public static ReminderPolicy of(String reportDue, String cutOff, List<Integer> offsets, WorkingDayCalendar calendar) {
        return new ReminderPolicy(monthDay(reportDue, DEFAULT_DUE, "report due"), monthDay(cutOff, DEFAULT_CUT_OFF, "cut-off"),
                offsets == null ? ReminderStage.defaultOffsets() : offsets, calendar);
    }

    public int offset(ReminderStage stage) {
        return offsets.get(stage.ordinal());
    }

    /** The nominal due date of the report for {@code year}, before any move off a non-working day. */
    public LocalDate nominalDueDate(int year) {
        return reportDue.atYear(year + 1);
    }

    public LocalDate cutOffDay(int year) {
        return cutOff.atYear(year);
    }

    private static MonthDay monthDay(String value, String fallback, String what) {
        String given = value == null || value.isBlank() ? fallback : value;
        try {
            return MonthDay.parse(given);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("R-SUP-2", what + " month-day '" + given + "' is not an ISO month-day like --01-31");
        }
    }
}
