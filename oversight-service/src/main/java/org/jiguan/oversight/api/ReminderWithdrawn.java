package org.jiguan.oversight.api;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A reminder issued earlier was withdrawn (R-SUP-2): the facts recorded since show it should not have been issued,
 * e.g. the report had been filed before the stage's day and was recorded late. Published on
 * {@code oversight-reminders} as {@code jiguan.oversight.ReminderWithdrawn}, keyed like {@link ReminderIssued}; the
 * reminder stays listed, shown as withdrawn, and is no longer counted.
 */
public record ReminderWithdrawn(String reminderId, String organId, String committeeId, int year, ReminderStage stage,
                                WithdrawalReason reason, LocalDate filedOn, Instant withdrawnAt) {
}
