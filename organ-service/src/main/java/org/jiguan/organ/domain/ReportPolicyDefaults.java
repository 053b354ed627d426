package org.jiguan.organ.domain;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.platform.rules.RuleViolation;

/** Fills a committee's report policy with the defaults of R-SUP-1/R-SUP-2, so events carry it whole. */
final class ReportPolicyDefaults {
    static final String DUE_MONTH_DAY = "--01-31";
    static final String CUT_OFF_MONTH_DAY = "--09-30";
    static final List<Integer> REMINDER_OFFSETS = List.of(-30, -7, 0, 1, 30);
    static final String CALENDAR = "CN";
    /** R-DEC-1: a decision is reported to the committee within 10 working days, unless its policy says otherwise. */
    static final int REPORT_TO_COMMITTEE_WORKING_DAYS = 10;
    static final int MAX_REPORT_TO_COMMITTEE_WORKING_DAYS = 60;

    private ReportPolicyDefaults() {
    }

    static ReportPolicy complete(ReportPolicy given) {
        ReportPolicy policy = given == null ? new ReportPolicy(null, null, null, null) : given;
        return new ReportPolicy(
                monthDay(policy.reportDueMonthDay(), DUE_MONTH_DAY, "report due month-day"),
                monthDay(policy.cutOffMonthDay(), CUT_OFF_MONTH_DAY, "cut-off month-day"),
                policy.reminderOffsets() == null ? REMINDER_OFFSETS : offsets(policy.reminderOffsets()),
                policy.calendar() == null || policy.calendar().isBlank() ? CALENDAR : policy.calendar(),
                workingDays(policy.reportToCommitteeWorkingDays()));
    }

    private static String monthDay(String value, String fallback, String what) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return MonthDay.parse(value).toString();
        } catch (DateTimeParseException e) {
            throw new RuleViolation("R-SUP-2", what + " '" + value + "' is not an ISO month-day like --01-31");
        }
    }

    private static int workingDays(Integer given) {
        if (given == null) {
            return REPORT_TO_COMMITTEE_WORKING_DAYS;
        }
        RuleViolation.require(given >= 1 && given <= MAX_REPORT_TO_COMMITTEE_WORKING_DAYS, "R-DEC-1",
                "decisions are reported to the committee within 1 to " + MAX_REPORT_TO_COMMITTEE_WORKING_DAYS
                        + " working days; got " + given);
        return given;
    }

    /** One offset per reminder stage (UPCOMING, DUE_SOON, DUE, OVERDUE, ESCALATED), DUE on the due date itself. */
    private static List<Integer> offsets(List<Integer> offsets) {
        RuleViolation.require(offsets.stream().allMatch(o -> o != null), "R-SUP-2",
                "reminder offsets must be whole days");
        List<Integer> sorted = offsets.stream().distinct().sorted().toList();
        RuleViolation.require(sorted.size() == REMINDER_OFFSETS.size() && sorted.get(2) == 0, "R-SUP-2",
                "reminder offsets are five distinct days, one per stage, two before the due date, 0 for the due "
                        + "date itself and two after it; got " + offsets);
        return sorted;
    }
}
