package org.jiguan.platform.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A quota as approved over time — a committee's organ quota, an organ's staffing quota or number of leadership
 * posts: the first value holds until the first change, and each change from its date until the next one. Of two
 * changes dated the same day the one recorded later stands: it was approved to replace the other. Rules judge an
 * act against the value in force on the act's date, never today's (DOMAIN.md, "Judged on the act's date").
 */
public final class QuotaInForce {
    private int first;
    /** In the order they were recorded. */
    private List<Change> changes = new ArrayList<>();

    public record Change(LocalDate from, int quota) {
    }

    private QuotaInForce() {
        // for snapshots
    }

    public QuotaInForce(int first) {
        this.first = first;
    }

    public void changed(LocalDate from, int quota) {
        changes.add(new Change(from, quota));
    }

    /** This quota with one more change, to judge an act before it is recorded. */
    public QuotaInForce with(LocalDate from, int quota) {
        QuotaInForce next = copy();
        next.changed(from, quota);
        return next;
    }

    public QuotaInForce copy() {
        QuotaInForce next = new QuotaInForce(first);
        next.changes.addAll(changes);
        return next;
    }

    public int on(LocalDate day) {
        int quota = first;
        LocalDate latest = null;
        for (Change change : changes) {
            if (!change.from().isAfter(day) && (latest == null || !change.from().isBefore(latest))) {
                latest = change.from();
                quota = change.quota();
            }
        }
        return quota;
    }

    /** The first day after {@code day} on which the quota changes; {@link LocalDate#MAX} when none does. */
    public LocalDate nextChangeAfter(LocalDate day) {
        return changes.stream().map(Change::from).filter(day::isBefore).min(LocalDate::compareTo)
                .orElse(LocalDate.MAX);
    }

    /** The days after {@code day} on which the quota changes. */
    public List<LocalDate> changesAfter(LocalDate day) {
        return changes.stream().map(Change::from).filter(day::isBefore).distinct().toList();
    }
}
