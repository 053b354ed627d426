package org.jiguan.oversight.domain.views;

import java.util.List;

/**
 * An aggregate's events with their business dates, in sequence order: what the folds read. Either a whole history
 * dated ({@link AggregateHistory#datedHistory()}) or the facts a read model keeps of it ({@link ReadRow#dated()}),
 * which the folds answer the same way for the queries the read model serves.
 *
 * @param committeeId the committee the aggregate belongs to (the committee itself for a committee)
 * @param organId     the organ it concerns; null for a committee
 */
public record DatedHistory(AggregateKind kind, String id, String committeeId, String organId,
                           List<DatedEvent> dated) {

    public DatedHistory {
        dated = List.copyOf(dated);
    }
}
