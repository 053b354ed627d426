package org.jiguan.platform.axon;

import java.lang.reflect.Field;
import java.util.function.UnaryOperator;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregate cache, checked against the event log before a cached aggregate's decision counts: with several
 * instances of a service, another instance may have stored events of the aggregate since this one cached it. A stale
 * aggregate that would write is refused at the log's unique index and the command retried ({@link ConcurrencyRetry}),
 * but one that refuses (a meeting "not opened" that the other instance opened, an item it does not know yet) answered
 * the client with a wrong 409 or 422, and one only read could decide another aggregate's write. So the versions a
 * command used from the cache are noted in its unit of work ({@link CachedVersions}), and those its commit does not
 * write are checked there (one lookup on the unique {@code streams} index each); a stale one fails the command as a
 * lost race, which drops the cached copy and runs it again on the stored state. Outside a unit of work an entry is
 * checked at once and, when stale, dropped and the aggregate loaded from the log.
 */
final class FreshAggregateCache implements Cache {
    private static final Logger log = LoggerFactory.getLogger(FreshAggregateCache.class);
    /** Axon keeps the cached aggregate's version in a private field; read once, so a renamed field fails at start. */
    private static final Field VERSION = versionField();

    private final Cache delegate;
    private final CommitLogStorageEngine eventLog;

    FreshAggregateCache(Cache delegate, CommitLogStorageEngine eventLog) {
        this.delegate = delegate;
        this.eventLog = eventLog;
    }

    @Override
    public <K, V> V get(K key) {
        V value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !CachedVersions.note(key.toString(), versionOf(entry),
                eventLog) && storedSince(key.toString(), versionOf(entry))) {
            log.debug("Aggregate {} changed in the log since it was cached; loading it again", key);
            delegate.remove(key);
            return null;
        }
        return value;
    }

    /** Whether the log holds an event of the aggregate after {@code version} (null: none was applied yet). */
    private boolean storedSince(String aggregateId, Long version) {
        return eventLog.holds(aggregateId, version == null ? 0 : version + 1);
    }

    private static Long versionOf(AggregateCacheEntry<?> entry) {
        try {
            return (Long) VERSION.get(entry);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field versionField() {
        try {
            Field version = AggregateCacheEntry.class.getDeclaredField("version");
            version.setAccessible(true);
            return version;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Axon's AggregateCacheEntry has no version field any more", e);
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return delegate.registerCacheEntryListener(listener);
    }
}
