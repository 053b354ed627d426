package org.jiguan.platform.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The CPU time this JVM spent from one moment to another, and the part of it spent by the load generator, which a
 * deployed service does not pay: the benchmark's client threads ({@link Latencies#inClients}) and the JDK HTTP
 * client's own threads. For the benchmarks, where the service, its store, its broker and its clients share one JVM
 * on the same cores: the CPU per command tells what a rate would be on another machine, and what it is made of.
 */
public final class CpuUse {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** CPU of the client threads that have ended, added by each as it ends. */
    private static final LongAdder ENDED_CLIENTS = new LongAdder();

    private final long process;
    private final long endedClients;
    private final Map<Long, Long> httpThreads;

    private CpuUse(long process, long endedClients, Map<Long, Long> httpThreads) {
        this.process = process;
        this.endedClients = endedClients;
        this.httpThreads = httpThreads;
    }

    /** What the JVM, the ended client threads and the HTTP client's threads have spent so far. */
    public static CpuUse now() {
        return new CpuUse(PROCESS.getProcessCpuTime(), ENDED_CLIENTS.sum(), httpClientThreads());
    }

    /** Called by a client thread as it ends, with the CPU it spent. */
    static void clientThreadEnds() {
        ENDED_CLIENTS.add(THREADS.getCurrentThreadCpuTime());
    }

    /** The CPU spent since this moment, per unit of work (a command, an insert), in milliseconds. */
    public Spent per(long units) {
        CpuUse end = now();
        long http = 0;
        for (Map.Entry<Long, Long> thread : end.httpThreads.entrySet()) {
            http += thread.getValue() - httpThreads.getOrDefault(thread.getKey(), 0L);
        }
        return new Spent((end.process - process) / 1e6 / units,
                (end.endedClients - endedClients + http) / 1e6 / units);
    }

    /** The JDK HTTP client's threads ({@code HttpClient-<n>-…}) and the CPU each has spent. */
    private static Map<Long, Long> httpClientThreads() {
        Map<Long, Long> spent = new HashMap<>();
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith("HttpClient-")) {
                long cpu = THREADS.getThreadCpuTime(thread.getThreadId());
                if (cpu > 0) {
                    spent.put(thread.getThreadId(), cpu);
                }
            }
        }
        return spent;
    }

    /**
     * Milliseconds of CPU per unit of work: the whole JVM's, and the load generator's part of it.
     *
     * @param total  everything this JVM spent (service, store, broker, clients, JIT, collector), per unit
     * @param client the benchmark's client threads and the HTTP client's threads, per unit
     */
    public record Spent(double total, double client) {
        /** What the system under test spent per unit: all but the load generator. */
        public double service() {
            return total - client;
        }

        @Override
        public String toString() {
            return String.format("CPU %.2f ms each (%.2f ms without the clients' %.2f ms)", total, service(), client);
        }
    }
}
