package org.jiguan.oversight.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder stage was issued for an organ's comprehensive annual work report (R-SUP-2). Published on
 * {@code oversight-reminders} as {@code jiguan.oversight.ReminderIssued}, keyed by the organ-and-year aggregate id
 * ({@code <organId>:<year>}); {@code reminderId} is {@code <organId>:<year>:<stage>}, so it names the stage issued
 * once and is the same however often the event is delivered.
 */
public record ReminderIssued(String reminderId, String organId, String committeeId, int year, ReminderStage stage,
                             LocalDate dueOn, Instant issuedAt) {
}
