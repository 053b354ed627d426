package org.jiguan.oversight.api;


import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Withdraws a reminder stage issued for an organ's annual report for {@code year} (R-SUP-2), because facts recorded
 * since show it should not have been issued.
 *
 * @param filedOn     the report's filing date, for {@link WithdrawalReason#FILED_BEFORE_STAGE}; else null
 * @param withdrawnAt when it is withdrawn (the scheduler's clock)
 */
public record WithdrawReminder(String organId, int year, ReminderStage stage, WithdrawalReason reason,
                               LocalDate filedOn, Instant withdrawnAt) {

    @TargetAggregateIdentifier
    public String remindersId() {
        return ReminderIds.remindersOf(organId, year);
    }
}
