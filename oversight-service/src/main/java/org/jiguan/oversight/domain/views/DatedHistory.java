package org.jiguan.oversight.domain.views;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An aggregate's events with their business dates, in sequence order: what the folds read. Either a whole history
 * dated ({@link AggregateHistory#datedHistory()}) or the facts a read model keeps of it ({@link ReadRow#dated()}),
 * which the folds answer the same way for the queries the read model serves.
 * <p>Immutable, so what is computed from it for a slice is too: {@link #memo} keeps the last few results (a fold at
 * a slice), so an instance kept between requests (a read model's rows, kept parsed) is not folded again for the
 * same slice.
 */
public final class DatedHistory {
    private static final int MEMOS = 8;
    private final AggregateKind kind;
    private final String id;
    private final String committeeId;
    private final String organId;
    private final List<DatedEvent> dated;
    private final Map<Object, Object> memos = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MEMOS;
        }
    };

    /**
     * @param committeeId the committee the aggregate belongs to (the committee itself for a committee)
     * @param organId     the organ it concerns; null for a committee
     */
    public DatedHistory(AggregateKind kind, String id, String committeeId, String organId, List<DatedEvent> dated) {
        this.kind = kind;
        this.id = id;
        this.committeeId = committeeId;
        this.organId = organId;
        this.dated = List.copyOf(dated);
    }

    public AggregateKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String committeeId() {
        return committeeId;
    }

    public String organId() {
        return organId;
    }

    public List<DatedEvent> dated() {
        return dated;
    }

    /**
     * What {@code compute} gives, computed once per {@code key} while the key is among the last few asked; the key
     * must name everything the result depends on besides this history (e.g. the fold and the slice), and the result
     * must be immutable.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        synchronized (memos) {
            Object known = memos.get(key);
            if (known != null) {
                return (T) known;
            }
        }
        T computed = compute.get();
        synchronized (memos) {
            memos.put(key, computed);
        }
        return computed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatedHistory that && kind == that.kind && id.equals(that.id)
                && Objects.equals(committeeId, that.committeeId) && Objects.equals(organId, that.organId)
                && dated.equals(that.dated);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id, committeeId, organId, dated);
    }

    @Override
    public String toString() {
        return "DatedHistory[" + kind + " " + id + " of " + committeeId + ", " + dated.size() + " events]";
    }
}
