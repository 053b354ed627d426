package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.WithdrawalReason;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which reminder stage, if any, to issue today for one organ and year (R-SUP-2). Pure: the caller keeps
 * the stages already issued and runs this whenever it likes (daily, after a restart, after late data); running
 * it twice on the same facts issues nothing the second time.
 */
public final class ReminderPlanner {
    private ReminderPlanner() {
    }

    /**
     * @param issued the stages already issued for this organ and year
     * @return the stage to issue now: the latest one whose fire day has come, unless it or a later one was
     *         already issued. Earlier stages not yet issued are skipped for good: a burst of stale reminders
     *         after downtime or late data would tell the organ nothing the latest one does not.
     */
    public static Optional<ReminderToIssue> stageToIssue(ReminderPolicy policy, ReportingYear report,
                                                         Set<ReminderStage> issued, LocalDate today) {
        if (report.filedBy(today)) {
            return Optional.empty(); // a filed report closes every later stage, warnings included
        }
        ActivePeriod organ = report.organ();
        if (today.isBefore(organ.establishedOn())) {
            return Optional.empty();
        }
        // An organ abolished before the due date owes nothing (ReportObligations); one abolished after it still
        // owes the report and goes through every later stage (R-SUP-2).
        Optional<AnnualObligation> obligation = ReportObligations.owed(policy, organ, report.year());
        if (obligation.isEmpty()) {
            return Optional.empty();
        }
        ReminderSchedule schedule = ReminderSchedule.of(policy, obligation.get());
        return schedule.latestStageBy(today)
                .filter(latest -> issued.stream().noneMatch(done -> done.compareTo(latest) >= 0))
                .map(latest -> new ReminderToIssue(latest, report.year(), obligation.get().dueOn(),
                        schedule.fireDay(latest), notIssuedBefore(latest, issued)));
    }

    /**
     * Whether a stage issued earlier still stands on the facts known now (R-SUP-2): it is withdrawn when the year's
     * report turns out to have been filed before the stage's day (recorded late), or when the organ turns out not to
     * owe the report at all (its establishment or abolition recorded late).
     *
     * @return the reason to withdraw it, or empty when it stands
     */
    public static Optional<Withdrawal> withdrawal(ReminderPolicy policy, ReportingYear report, ReminderStage stage) {
        Optional<AnnualObligation> obligation = ReportObligations.owed(policy, report.organ(), report.year());
        if (obligation.isEmpty()) {
            return Optional.of(new Withdrawal(WithdrawalReason.NOT_OWED, null));
        }
        LocalDate fireDay = ReminderSchedule.of(policy, obligation.get()).fireDay(stage);
        if (report.filedOn() != null && report.filedOn().isBefore(fireDay)) {
            return Optional.of(new Withdrawal(WithdrawalReason.FILED_BEFORE_STAGE, report.filedOn()));
        }
        return Optional.empty();
    }

    /** Why an issued reminder is withdrawn; {@code filedOn} for a report filed before the stage's day. */
    public record Withdrawal(WithdrawalReason reason, LocalDate filedOn) {
    }

    private static List<ReminderStage> notIssuedBefore(ReminderStage stage, Set<ReminderStage> issued) {
        return Arrays.stream(ReminderStage.values())
                .filter(earlier -> earlier.compareTo(stage) < 0 && !issued.contains(earlier))
                .toList();
    }
}
