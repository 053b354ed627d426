package org.jiguan.oversight.domain.views;

import java.time.LocalDate;

/**
 * An event with the business date of the act it records ({@link BusinessDates}); {@link LocalDate#MIN} for acts
 * that hold "since ever" (a committee's registration).
 */
public record DatedEvent(RecordedEvent event, LocalDate businessDate) {

    public String name() {
        return event.name();
    }

    /** The business date for display: null for "since ever". */
    public LocalDate shownDate() {
        return businessDate.equals(LocalDate.MIN) ? null : businessDate;
    }
}
