package org.jiguan.oversight.domain.views;

import java.util.Comparator;
import java.util.List;

/**
 * Every event oversight holds for one aggregate, ordered by the producer's sequence.
 *
 * @param committeeId the committee the aggregate belongs to (the committee itself for a committee)
 * @param organId     the organ it concerns; null for a committee
 */
public record AggregateHistory(AggregateKind kind, String id, String committeeId, String organId,
                               List<RecordedEvent> events) {

    public AggregateHistory {
        events = events.stream().sorted(Comparator.comparingLong(RecordedEvent::sequence)).toList();
    }

    /**
     * The events with their business dates, in sequence order (see {@link BusinessDates}). A meeting's and a
     * decision's acts happen one after another, so their dates never go back: preparation completed before the
     * meeting was convened still counts from the convening on, and the votes after it.
     */
    public List<DatedEvent> dated() {
        return BusinessDates.date(events, BusinessDates.inSequence(kind));
    }

    /** The history dated, as the folds read it. */
    public DatedHistory datedHistory() {
        return new DatedHistory(kind, id, committeeId, organId, dated());
    }
}
