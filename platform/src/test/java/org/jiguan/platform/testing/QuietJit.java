package org.jiguan.platform.testing;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for the JIT compilers of the JVMs under measurement to be quiet, so that a benchmark's warm run measures the
 * service's steady state: right after a cold run the compilers still took a fifth to a third of both cores. Quiet:
 * each JVM compiled for less than 100 ms over two seconds (5% of one core), or a minute and a half has passed.
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
