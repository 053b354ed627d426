package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;

import java.time.LocalDate;
import java.util.List;

/**
 * A reminder the planner decided to issue now: what {@code jiguan.oversight.ReminderIssued} carries besides ids.
 *
 * @param scheduledOn the stage's fire day; earlier than today when issued late (catch-up)
 * @param skipped     earlier stages never issued that this one supersedes; they will not be issued later
 */
public record ReminderToIssue(ReminderStage stage, int year, LocalDate dueOn, LocalDate scheduledOn,
                              List<ReminderStage> skipped) {
    public ReminderToIssue {
        skipped = List.copyOf(skipped);
    }
}
