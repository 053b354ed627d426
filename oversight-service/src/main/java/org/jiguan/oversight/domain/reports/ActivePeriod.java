package org.jiguan.oversight.domain.reports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * When an organ existed, by business dates: from {@code establishedOn} until {@code abolishedOn} (null while it
 * exists). An organ abolished on a day still existed that day; it is gone from the day after.
 */
public record ActivePeriod(LocalDate establishedOn, LocalDate abolishedOn) {

    public ActivePeriod {
        Objects.requireNonNull(establishedOn, "establishedOn");
        if (abolishedOn != null && abolishedOn.isBefore(establishedOn)) {
            throw new IllegalArgumentException("abolished on " + abolishedOn + " before established on " + establishedOn);
        }
    }

    public static ActivePeriod since(LocalDate establishedOn) {
        return new ActivePeriod(establishedOn, null);
    }

    public ActivePeriod abolished(LocalDate on) {
        return new ActivePeriod(establishedOn, on);
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(establishedOn) && (abolishedOn == null || !day.isAfter(abolishedOn));
    }

    public boolean abolishedBefore(LocalDate day) {
        return abolishedOn != null && abolishedOn.isBefore(day);
    }

    /** The period as it was known at the end of {@code day}: a later abolition had not happened yet. */
    public ActivePeriod asOf(LocalDate day) {
        return abolishedOn != null && abolishedOn.isAfter(day) ? new ActivePeriod(establishedOn, null) : this;
    }
}
