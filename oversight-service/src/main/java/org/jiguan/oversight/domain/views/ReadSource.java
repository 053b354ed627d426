package org.jiguan.oversight.domain.views;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the list queries find the aggregates they fold: the read models ({@code ReadModelStore}), each read by key,
 * or, for the property test that holds them to the folds of whole histories, the histories themselves.
 */
public interface ReadSource {
    /** A committee's aggregates of a kind, in no particular order. */
    CommitteeRows ofCommittee(AggregateKind kind, String committeeId);

    /** A committee's aggregates of several kinds, read together. */
    default Map<AggregateKind, CommitteeRows> ofCommittee(String committeeId, List<AggregateKind> kinds) {
        Map<AggregateKind, CommitteeRows> all = new EnumMap<>(AggregateKind.class);
        for (AggregateKind kind : kinds) {
            all.put(kind, ofCommittee(kind, committeeId));
        }
        return all;
    }

    /** One aggregate by its id. */
    Optional<DatedHistory> one(AggregateKind kind, String id);

    /** Every committee that has aggregates of any kind. */
    List<String> committees();
}
