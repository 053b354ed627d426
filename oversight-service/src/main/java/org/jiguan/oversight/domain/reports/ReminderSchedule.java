package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The working day each reminder stage of one obligation fires on (R-SUP-2). A stage's nominal day is the due
 * date (already moved to a working day) plus the stage's offset; when that is a non-working day:
 * <ul>
 *   <li>UPCOMING and DUE_SOON move <em>back</em> to the last working day before it, because they are advance
 *       warnings: moving them forward would shorten the notice, and across a long holiday such as the Spring
 *       Festival could even push "due in 7 days" onto the due date itself;</li>
 *   <li>DUE is the due date;</li>
 *   <li>OVERDUE and ESCALATED move <em>forward</em> to the next working day, like the due date, so an organ is
 *       never chased or escalated before the full grace period has passed in working time.</li>
 * </ul>
 * The fire days keep the stages' order; two stages may land on the same day (close custom offsets around a
 * long holiday), and then only the later one is issued (see {@link ReminderPlanner}).
 */
public record ReminderSchedule(AnnualObligation obligation, Map<ReminderStage, LocalDate> fireDays) {

    public ReminderSchedule {
        fireDays = Collections.unmodifiableMap(new EnumMap<>(fireDays));
    }

    public static ReminderSchedule of(ReminderPolicy policy, AnnualObligation obligation) {
        Map<ReminderStage, LocalDate> days = new EnumMap<>(ReminderStage.class);
        WorkingDayCalendar calendar = policy.calendar();
        for (ReminderStage stage : ReminderStage.values()) {
            LocalDate nominal = obligation.dueOn().plusDays(policy.offset(stage));
            days.put(stage, stage.isAdvanceWarning()
                    ? calendar.lastWorkingDayOnOrBefore(nominal)
                    : calendar.nextWorkingDayOnOrAfter(nominal));
        }
        return new ReminderSchedule(obligation, days);
    }

    public LocalDate fireDay(ReminderStage stage) {
        return fireDays.get(stage);
    }

    /** The last stage whose fire day has come by {@code today}, if any. */
    public Optional<ReminderStage> latestStageBy(LocalDate today) {
        ReminderStage latest = null;
        for (ReminderStage stage : ReminderStage.values()) {
            if (!fireDay(stage).isAfter(today)) {
                latest = stage;
            }
        }
        return Optional.ofNullable(latest);
    }
}
