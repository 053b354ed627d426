package org.jiguan.platform.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/** Latency arithmetic for the benchmarks (nanoseconds in, milliseconds out) and their client threads. */
public final class Latencies {
    private Latencies() {
    }

    public static long timed(Runnable command) {
        long start = System.nanoTime();
        command.run();
        return System.nanoTime() - start;
    }

    public static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return ms(sorted, 0.5);
    }

    /** The quantile of already sorted nanoseconds, in milliseconds. */
    public static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** "p50 … p95 … p99 … max …" of the given nanoseconds, which this sorts. */
    public static String summary(long[] latencies) {
        Arrays.sort(latencies);
        return String.format("p50 %.1f  p95 %.1f  p99 %.1f  max %.1f", ms(latencies, 0.50), ms(latencies, 0.95),
                ms(latencies, 0.99), latencies[latencies.length - 1] / 1e6);
    }

    /**
     * Runs {@code clients} threads {@code benchmark-client-<n>}, each given its n from 0, until all are done; each
     * adds the CPU it spent to the load generator's ({@link CpuUse}). A client that fails fails the run, once all
     * have ended: a run whose clients stopped early would report a rate and latencies of requests never made.
     */
    public static void inClients(int clients, IntConsumer client) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int c = 0; c < clients; c++) {
            int n = c;
            Thread thread = new Thread(() -> {
                try {
                    client.accept(n);
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                } finally {
                    CpuUse.clientThreadEnds();
                }
            }, "benchmark-client-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            AssertionError failed = new AssertionError(failures.size() + " of " + clients + " clients failed: "
                    + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(failed::addSuppressed);
            throw failed;
        }
    }
}
