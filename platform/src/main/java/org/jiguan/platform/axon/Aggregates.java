package org.jiguan.platform.axon;

import java.util.Optional;

import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.jiguan.platform.rules.Conflict;

/**
 * Loading aggregates by id where a service's aggregates of several kinds share one event store keyed by aggregate
 * id: plain Axon, for the domain's command handlers that span two aggregates.
 */
public final class Aggregates {
    private Aggregates() {
    }

    /** The aggregate with this id, or empty when there is none or the id holds the events of another kind. */
    public static <T> Optional<Aggregate<T>> find(Repository<T> repository, String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(repository.load(id));
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            // the latter: the id holds the events of the other kind of aggregate
            return Optional.empty();
        }
    }

    /** Refuses an id that already holds events, of this repository's kind or of another (409). */
    public static void requireUnused(Repository<?> repository, String id) {
        try {
            repository.load(id);
        } catch (AggregateNotFoundException e) {
            return;
        } catch (IncompatibleAggregateException e) {
            // the id holds another kind of aggregate's events
        }
        throw new Conflict("id " + id + " is already in use");
    }
}
