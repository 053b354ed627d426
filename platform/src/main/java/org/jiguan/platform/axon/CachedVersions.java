package org.jiguan.platform.axon;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of the cached aggregates a unit of work decided on, checked against the event log only where the
 * log's unique {@code streams} index does not check them already (ARCHITECTURE.md guarantee 1). Another instance may
 * have stored events of an aggregate since this one cached it:
 * <ul>
 * <li>a commit that writes the aggregate's next sequence is refused at the index when another instance wrote it
 * first, so nothing needs asking;</li>
 * <li>a commit that writes other aggregates only ({@link #checkBefore}, before the commit is stored), a unit of work
 * that stores nothing (at its commit) and a refused command ({@link #refusalsOnStaleState}) ask the log whether it
 * holds the aggregate's next event (one lookup on the index each).</li>
 * </ul>
 * An aggregate found stale fails the command with a {@link ConcurrencyException}: its unit of work rolls back, which
 * drops the cached copy, and {@link ConcurrencyRetry} runs the command again on the stored state. So a command on a
 * cached aggregate that it writes (most commands) costs the log its position and its commit only.
 */
final class CachedVersions {
    private static final Logger log = LoggerFactory.getLogger(CachedVersions.class);
    private static final String RESOURCE = CachedVersions.class.getName();

    /** Aggregate id to the version it was cached at (null: no event applied), not yet checked. */
    private final Map<String, Long> unchecked = new LinkedHashMap<>();
    private final CommitLogStorageEngine eventLog;

    private CachedVersions(CommitLogStorageEngine eventLog) {
        this.eventLog = eventLog;
    }

    /**
     * Notes that the current unit of work uses the aggregate as cached at {@code version}; false when there is no
     * unit of work to check it in (or it is committing already), so the caller must check it now.
     */
    static boolean note(String aggregateId, Long version, CommitLogStorageEngine eventLog) {
        if (!CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase() != UnitOfWork.Phase.STARTED) {
            return false;
        }
        CachedVersions versions = root.getOrComputeResource(RESOURCE, key -> {
            CachedVersions created = new CachedVersions(eventLog);
            // A unit of work that stores no events is checked at its commit (its commit stores nothing).
            root.onCommit(u -> created.requireFresh(created.unchecked));
            return created;
        });
        versions.unchecked.putIfAbsent(aggregateId, version);
        return true;
    }

    /**
     * Before the current unit of work's commit is stored: the cached aggregates it does not write are checked now;
     * those it writes the next sequence of are left to the log's unique index.
     */
    static void checkBefore(List<? extends EventMessage<?>> commit) {
        CachedVersions versions = current();
        if (versions == null) {
            return;
        }
        Map<String, Long> notWritten = new LinkedHashMap<>(versions.unchecked);
        for (EventMessage<?> event : commit) {
            if (event instanceof DomainEventMessage<?> written
                    && notWritten.containsKey(written.getAggregateIdentifier())
                    && written.getSequenceNumber() == next(notWritten.get(written.getAggregateIdentifier()))) {
                notWritten.remove(written.getAggregateIdentifier());
            }
        }
        versions.unchecked.clear();
        versions.requireFresh(notWritten);
    }

    /**
     * A command refused on a cached aggregate that another instance has changed since is run again on the stored
     * state (a meeting "not opened" that the other instance opened), instead of answering a refusal it may not earn.
     */
    static MessageHandlerInterceptor<CommandMessage<?>> refusalsOnStaleState() {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (ConcurrencyException lostRace) {
                throw lostRace;
            } catch (Exception refused) {
                CachedVersions versions = current();
                if (versions != null) {
                    versions.requireFresh(versions.unchecked, refused);
                }
                throw refused;
            }
        };
    }

    private static CachedVersions current() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
    }

    private void requireFresh(Map<String, Long> versions) {
        requireFresh(versions, null);
    }

    private void requireFresh(Map<String, Long> versions, Exception cause) {
        for (Map.Entry<String, Long> cached : versions.entrySet()) {
            if (eventLog.holds(cached.getKey(), next(cached.getValue()))) {
                log.debug("Aggregate {} changed in the log since it was cached; the command runs again",
                        cached.getKey());
                throw new ConcurrencyException("Aggregate " + cached.getKey() + " was changed by another instance "
                        + "since this one cached it", cause);
            }
        }
        versions.clear();
    }

    /** The sequence of the event after {@code version} (null: no event applied yet). */
    private static long next(Long version) {
        return version == null ? 0 : version + 1;
    }
}
