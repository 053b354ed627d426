package org.jiguan.platform.eventlog;

import java.util.function.IntToLongFunction;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * This instance's requests for commit positions, grouped: a command that needs a position while another group's
 * request is under way waits for it to come back, and then one request takes the positions of everybody waiting
 * ({@code $inc} by their number), handed out in the order they asked. Alone, a command asks at once, as it would
 * without grouping; under load, the store gets one request for a group of commands instead of one each (as it
 * writes its file once for a group of commits). Nothing else changes: each position is still allocated by the
 * store before its commit is written, and only grows. A request that fails fails every command of its group, each
 * as it would have failed alone; an increment the store applied whose answer was lost leaves its positions unused,
 * gaps that readers pass as they pass any other ({@link CommitLogStorageEngine}).
 */
final class PositionRequests {
    private final IntToLongFunction allocate;
    private final Object lock = new Object();
    /** Whether a group's request is under way (guarded by {@link #lock}). */
    private boolean underWay;
    /** The commands waiting for the next request (guarded by {@link #lock}). */
    private Group waiting = new Group();

    /**
     * @param allocate allocates the given number of consecutive positions in the store, returning the first
     */
    PositionRequests(IntToLongFunction allocate) {
        this.allocate = allocate;
    }

    /** The next position for a commit of this instance. */
    long next() {
        Group group;
        int place;
        synchronized (lock) {
            group = waiting;
            place = group.size++;
            while (!group.answered && (underWay || group.led)) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EventStoreException("Interrupted while waiting for a commit position", e);
                }
            }
            if (group.answered) {
                return group.position(place);
            }
            group.led = true;
            underWay = true;
            waiting = new Group();
        }
        long first = 0;
        // Answered whatever happens (an Error too), or every later command would wait for this request for ever.
        RuntimeException failure = new EventStoreException("No commit position was allocated");
        try {
            first = allocate.applyAsLong(group.size);
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (lock) {
                group.answer(first, failure);
                underWay = false;
                lock.notifyAll();
            }
        }
        return group.position(place);
    }

    /** How many commands wait for the next request. */
    int waiting() {
        synchronized (lock) {
            return waiting.size;
        }
    }

    /** Commands asking for positions in one request (guarded by the lock of {@link PositionRequests}). */
    private static final class Group {
        int size;
        boolean led;
        boolean answered;
        long first;
        RuntimeException failure;

        void answer(long first, RuntimeException failure) {
            this.first = first;
            this.failure = failure;
            this.answered = true;
        }

        long position(int place) {
            if (failure != null) {
                throw failure;
            }
            return first + place;
        }
    }
}
