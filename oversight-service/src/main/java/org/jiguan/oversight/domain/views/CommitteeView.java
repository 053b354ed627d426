package org.jiguan.oversight.domain.views;

import java.time.DateTimeException;
import java.util.Optional;

import java.util.List;

import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.oversight.domain.reports.ReminderPolicy;
import org.jiguan.oversight.domain.reports.WorkingDayCalendars;

/**
 * A party committee at the end of a day: the organ quota in force (R-COM-2) and the organs holding quota slots,
 * and its report policy (R-SUP-1, R-SUP-2).
 *
 * @param organsCounted organs holding a slot of their own (merged or co-located ones count once, R-COM-2)
 * @param organsSharing organs established under the committee that share a slot with another
 */
public record CommitteeView(String committeeId, String name, String level, String parentCommitteeId,
                            int organQuota, Policy policy, List<String> reservedDuties, int organsCounted,
                            int organsSharing) {

    /** The policy as {@code CommitteeRegistered} carries it; missing values take their defaults. */
    public record Policy(String reportDueMonthDay, String cutOffMonthDay, List<Integer> reminderOffsets,
                         String calendar, Integer reportToCommitteeWorkingDays) {

        public static Policy defaults() {
            return new Policy(ReminderPolicy.DEFAULT_DUE, ReminderPolicy.DEFAULT_CUT_OFF, null,
                    ReminderPolicy.DEFAULT_CALENDAR, null);
        }

        /** R-DEC-1: the committee's deadline for reports of decisions, in working days; 10 when it states none. */
        public int committeeReportWorkingDays() {
            return reportToCommitteeWorkingDays == null || reportToCommitteeWorkingDays < 1
                    ? ReportingContext.DEFAULT_COMMITTEE_REPORT_WORKING_DAYS : reportToCommitteeWorkingDays;
        }

        public ReminderPolicy reminderPolicy() {
            return ReminderPolicy.of(reportDueMonthDay, cutOffMonthDay, reminderOffsets,
                    WorkingDayCalendars.named(calendar == null ? ReminderPolicy.DEFAULT_CALENDAR : calendar));
        }

        /**
         * The committee's policy of a committee (or the defaults when it is unknown), as reads and reminders follow
         * it. One they cannot follow (a calendar this service has no data for, offsets recorded before organ-service
         * checked them) falls back to the defaults (R-SUP-2), so a report is still judged and chased rather than
         * failing every read.
         */
        public static ReminderPolicy followed(Optional<CommitteeView> committee) {
            Policy policy = committee.map(CommitteeView::policy).orElse(defaults());
            try {
                return policy.reminderPolicy();
            } catch (RuleViolation | DateTimeException unfollowable) {
                return defaults().reminderPolicy();
            }
        }
    }
}
