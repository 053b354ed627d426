package org.jiguan.oversight.domain.views;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A committee's aggregates of one kind as the read models held them at one moment: a snapshot, immutable. A source
 * that finds the committee unchanged gives the same instance again, so what is computed from it for a slice (the
 * dashboard's figures, a sorted list) is kept with it ({@link #memo}) and dropped with it once the committee changes.
 */
public final class CommitteeRows extends AbstractList<DatedHistory> {
    private static final int MEMOS = 8;
    private final List<DatedHistory> rows;
    private final Map<Object, FutureTask<Object>> memos = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, FutureTask<Object>> eldest) {
            return size() > MEMOS;
        }
    };

    public CommitteeRows(List<DatedHistory> rows) {
        this.rows = List.copyOf(rows);
    }

    @Override
    public DatedHistory get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    /**
     * What {@code compute} gives, computed once per {@code key} while the key is among the last few asked: readers
     * asking together wait for the one computing it. The key must name everything the result depends on besides
     * these rows (the query, the slice, the other snapshots read with them), and the result must be immutable.
     */
    @SuppressWarnings("unchecked")
    public <T> T memo(Object key, Supplier<T> compute) {
        FutureTask<Object> task;
        boolean mine = false;
        synchronized (memos) {
            task = memos.get(key);
            if (task == null) {
                task = new FutureTask<>(compute::get);
                memos.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
        }
        try {
            return (T) task.get();
        } catch (ExecutionException e) {
            synchronized (memos) {
                memos.remove(key, task);
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while another reader computed " + key, e);
        }
    }
}
