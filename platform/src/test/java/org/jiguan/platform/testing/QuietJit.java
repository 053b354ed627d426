package org.jiguan.platform.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for the JIT compilers of the JVMs under measurement to be quiet, so that a benchmark's warm run measures the
 * service's steady state: right after a cold run the compilers still took a fifth to a third of both cores. Idle
 * ({@link #await}): each JVM compiled for less than 100 ms over two seconds (5% of one core), or a minute and a half
 * has passed; under load ({@link #warmUnderLoad}): this JVM compiled for less than 5% of a round of the load.
 */
public final class QuietJit {
    private static final Pattern COMPILATION_TIME = Pattern.compile("(?m)^jvm_compilation_time_ms_total(\\{[^}]*})? (\\S+)$");

    private QuietJit() {
    }

    /** This JVM's compile time so far, in ms. */
    public static LongSupplier thisJvm() {
        return ManagementFactory.getCompilationMXBean()::getTotalCompilationTime;
    }

    /** A service's compile time so far, in ms, from its {@code /actuator/prometheus}. */
    public static LongSupplier ofService(String baseUrl) {
        return () -> {
            Matcher line = COMPILATION_TIME.matcher(Prometheus.scrape(baseUrl));
            if (!line.find()) {
                throw new IllegalStateException(baseUrl + " reports no jvm_compilation_time_ms_total");
            }
            return (long) Double.parseDouble(line.group(2));
        };
    }

    /** Waits until this JVM's compilers are quiet. */
    public static void awaitThisJvm() throws InterruptedException {
        await(Map.of("this JVM", thisJvm()));
    }

    /**
     * Runs rounds of a load until this JVM compiled for less than 5% of a round's time while it ran, or until
     * {@code limit} has passed, and prints each round (what {@code round} returns, and the time compiled). Waiting
     * idle is not enough for a warm run: the compilers start again under load, as more of the code reaches the
     * counts that make it compiled again, optimized (a JFR recording of {@code EventLogBenchmark}: after its cold run
     * and an idle wait, compilation took about a quarter of the machine all through the warm run; the JVM compiled for
     * 2 min 31 s in a run of 2 min 45 s, and the service's rate kept rising, 372 → 523 → 763 commands/s, with it).
     */
    public static void warmUnderLoad(String load, Duration limit, Callable<String> round) throws Exception {
        LongSupplier compiled = thisJvm();
        long deadline = System.nanoTime() + limit.toNanos();
        for (int n = 1; ; n++) {
            long compiledBefore = compiled.getAsLong();
            long started = System.nanoTime();
            String result = round.call();
            double millis = (System.nanoTime() - started) / 1e6;
            long compiledMillis = compiled.getAsLong() - compiledBefore;
            boolean quiet = compiledMillis < 0.05 * millis;
            System.out.printf("benchmark: warming up %s, round %d: %s; compiled %d ms in %.1f s (%.0f%%)%s%n", load, n,
                    result, compiledMillis, millis / 1e3, 100 * compiledMillis / millis,
                    quiet ? ": quiet" : System.nanoTime() > deadline ? ": not quiet after " + limit.toMinutes()
                            + " min, measuring anyway" : "");
            if (quiet || System.nanoTime() > deadline) {
                return;
            }
        }
    }

    /** Waits until every JVM named is quiet, and prints how long that took and how much each compiled meanwhile. */
    public static void await(Map<String, LongSupplier> compileMillis) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> first = read(compileMillis);
        Map<String, Long> last = first;
        long deadline = started + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            Map<String, Long> now = read(compileMillis);
            Map<String, Long> before = last;
            last = now;
            if (now.keySet().stream().allMatch(jvm -> now.get(jvm) - before.get(jvm) < 100)) {
                break;
            }
        }
        Map<String, Long> compiled = new LinkedHashMap<>();
        Map<String, Long> end = last;
        first.forEach((jvm, ms) -> compiled.put(jvm, end.get(jvm) - ms));
        System.out.printf("benchmark: waited %.1f s for the JIT to be quiet (ms compiled meanwhile: %s)%n",
                (System.nanoTime() - started) / 1e9, compiled);
    }

    private static Map<String, Long> read(Map<String, LongSupplier> compileMillis) {
        Map<String, Long> read = new LinkedHashMap<>();
        compileMillis.forEach((jvm, millis) -> read.put(jvm, millis.getAsLong()));
        return read;
    }
}
