package org.jiguan.oversight.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs store requests that do not depend on each other at the same time, each waiting for the store on its own
 * thread: a batch's writes to the histories of different kinds, or to their rows. A consumer's poll is readable only
 * once all of them are done, and on a busy machine each request waits for a core (a JFR recording of
 * CommandToOversightBenchmark: about 20 ms apiece), so the waits overlap instead of adding up.
 */
final class StoreRequests {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** At most a few threads: each caller (a consumer, a rebuild) hands out one task per kind at a time. */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "store-writer-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private StoreRequests() {
    }

    /**
     * Runs them all, the last on the calling thread, and returns when all are done; throws the first one's failure
     * (as it was thrown) after all have ended.
     */
    static void together(List<Runnable> requests) {
        if (requests.size() == 1) {
            requests.get(0).run();
            return;
        }
        List<CompletableFuture<Void>> others = new ArrayList<>(requests.size() - 1);
        for (Runnable request : requests.subList(0, requests.size() - 1)) {
            others.add(CompletableFuture.runAsync(request, WRITERS));
        }
        RuntimeException failed = null;
        try {
            requests.get(requests.size() - 1).run();
        } catch (RuntimeException e) {
            failed = e;
        }
        for (CompletableFuture<Void> other : others) {
            try {
                other.join();
            } catch (CompletionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException cause ? cause : e;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
