package org.jiguan.oversight.api;


import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues one reminder stage of an organ's comprehensive annual work report for {@code year} (R-SUP-2), on the
 * organ's reminders aggregate for that year.
 *
 * @param dueOn    the report's working-day due date
 * @param issuedAt when the reminder is issued (the scheduler's clock)
 */
public record IssueReminder(String organId, String committeeId, int year, ReminderStage stage, LocalDate dueOn,
                            Instant issuedAt) {

    /** The aggregate the command goes to: one per organ and year. */
    @TargetAggregateIdentifier
    public String remindersId() {
        return ReminderIds.remindersOf(organId, year);
    }
}
