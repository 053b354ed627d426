package org.jiguan.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per caller ({@code sub}) in front of the API (CONTRACT.md "Rate limit"), so one runaway client
 * cannot starve the store: {@code burst} requests at once, refilled at {@code perSecond}; past it {@code 429
 * RATE_LIMITED} with {@code Retry-After} in whole seconds. Runs after Spring Security, which answers a request
 * without a valid token before it gets here. Buckets are per instance (Bucket4j's local buckets): N instances let a
 * caller N times the rate.
 */
public class CallerRateLimit extends OncePerRequestFilter {
    /** Beyond this many callers, buckets that are full again (idle callers) are dropped: they would start full. */
    static final int MAX_IDLE_BUCKETS = 10_000;

    private final long burst;
    private final long perSecond;
    private final ProblemWriter problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CallerRateLimit(long burst, long perSecond, ProblemWriter problems) {
        if (burst < 1 || perSecond < 1) {
            throw new IllegalArgumentException("jiguan.web.rate-limit burst and per-second must be at least 1");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = bucketOf(auth.getName()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "More than " + perSecond + " requests a second from this caller; retry after " + seconds + " s");
    }

    private Bucket bucketOf(String caller) {
        Bucket bucket = buckets.get(caller);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_IDLE_BUCKETS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= burst);
        }
        return buckets.computeIfAbsent(caller, c -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                .build());
    }
}
