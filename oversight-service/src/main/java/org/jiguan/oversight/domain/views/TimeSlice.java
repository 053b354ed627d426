package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * "What did the system know at {@code knownAt} about the end of day {@code asOf}" (CONTRACT.md, oversight-service).
 * An event counts when the act's business date is on or before {@code asOf} (the end of that day) and, when
 * {@code knownAt} is given, the producer had recorded it ({@code ce_time}) by that instant.
 *
 * @param knownAt null for "everything recorded so far"
 */
public record TimeSlice(LocalDate asOf, Instant knownAt) {

    public static TimeSlice asOf(LocalDate asOf) {
        return new TimeSlice(asOf, null);
    }

    /** Everything recorded by {@code knownAt}, whatever its business date. */
    public static TimeSlice everythingKnownAt(Instant knownAt) {
        return new TimeSlice(LocalDate.MAX, knownAt);
    }

    public boolean known(DatedEvent event) {
        return knownAt == null || !event.event().recordedAt().isAfter(knownAt);
    }

    public boolean includes(DatedEvent event) {
        return known(event) && !event.businessDate().isAfter(asOf);
    }

    /**
     * The events in the slice in the order they took effect: by business date, then by sequence. A change
     * recorded late but dated earlier than another thus takes effect before it.
     */
    public List<DatedEvent> of(List<DatedEvent> events) {
        return events.stream().filter(this::includes)
                .sorted(Comparator.comparing(DatedEvent::businessDate)
                        .thenComparingLong(e -> e.event().sequence()))
                .toList();
    }

    /** The events recorded by {@code knownAt}, in sequence order, whatever their business date. */
    public List<DatedEvent> knownOf(List<DatedEvent> events) {
        return events.stream().filter(this::known).toList();
    }
}
