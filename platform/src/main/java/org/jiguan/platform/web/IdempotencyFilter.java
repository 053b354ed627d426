package org.jiguan.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST (CONTRACT.md): the same key with the same path and body answers the first final
 * answer again and changes nothing; the same key with another request is {@code 422}; while the first request runs,
 * {@code 409}. Keys are per caller ({@link IdempotencyKeys#idOf}). Only final answers are kept: a {@code 409} (a
 * concurrent change, an organ not yet known), a {@code 429} and any {@code 5xx} release the key, so a retry with it
 * is carried out. A running request renews its claim, so a slow one is never taken over and run twice
 * ({@link IdempotencyKeys}). A request whose answer was not kept (its instance died after its commands were
 * stored, or it failed afterwards) runs again on a retry, but its commands do not: each carries its key
 * ({@link IdempotentRequest}), and one whose events are stored answers its stored result instead of running again
 * ({@code axon/KeyedCommands}).
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyKeys keys;
    private final ProblemWriter problems;
    private final long maxBodyBytes;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "idempotency-key-renewal");
        thread.setDaemon(true);
        return thread;
    });

    public IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems, long maxBodyBytes) {
        this.keys = keys;
        this.problems = problems;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 200) {
            problems.write(response, HttpStatus.BAD_REQUEST, "VALIDATION", "Idempotency-Key must be 1 to 200 characters");
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String id = IdempotencyKeys.idOf(auth == null ? "" : auth.getName(), key);
        CachedBodyRequest body = CachedBodyRequest.read(request, maxBodyBytes);
        String fingerprint = fingerprint(request, body.body());

        IdempotencyKeys.Claim claim;
        try {
            claim = keys.claim(id, fingerprint);
        } catch (MongoException e) {
            // Filters answer before the controller advice can: say "retry later", never a bare 500.
            log.warn("Idempotency keys unavailable: {}", e.toString());
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                    "The store is unavailable; retry later with the same Idempotency-Key");
            return;
        }
        if (claim instanceof IdempotencyKeys.Found found) {
            answerFromRecord(found, fingerprint, response);
            return;
        }
        IdempotentRequest.begin(body, id, fingerprint);
        run(id, ((IdempotencyKeys.Claimed) claim).lease(), body, response, chain);
    }

    private void run(String id, String lease, CachedBodyRequest request, HttpServletResponse response,
                     FilterChain chain) throws ServletException, IOException {
        long every = Math.max(1, keys.takeoverAfter().toMillis() / 3);
        ScheduledFuture<?> renewal = renewals.scheduleAtFixedRate(() -> renew(id, lease), every, every,
                TimeUnit.MILLISECONDS);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean ran = false;
        try {
            chain.doFilter(request, captured);
            ran = true;
        } finally {
            renewal.cancel(false);
            settle(id, lease, ran && isFinal(captured.getStatus()), captured);
            captured.copyBodyToResponse();
        }
    }

    /** A retry can change a {@code 409}, {@code 429} or {@code 5xx}; every other answer is the request's. */
    static boolean isFinal(int status) {
        return status < 500 && status != 409 && status != 429;
    }

    private void renew(String id, String lease) {
        try {
            if (!keys.renew(id, lease)) {
                log.warn("Idempotency key {} was taken over while its request ran", id);
            }
        } catch (MongoException e) {
            log.warn("Could not renew idempotency key {}: {}", id, e.toString());
        }
    }

    /**
     * Keeps a final answer, or releases the key. If the store fails now the command itself was stored: the key is
     * left pending, no longer renewed, and taken over after the takeover time; a retry meanwhile answers 409.
     */
    private void settle(String id, String lease, boolean keep, ContentCachingResponseWrapper response) {
        try {
            if (keep) {
                keys.keep(id, lease, new IdempotencyKeys.Answer(response.getStatus(), response.getContentType(),
                        response.getHeader("Location"), response.getContentAsByteArray()));
            } else {
                keys.release(id, lease);
            }
        } catch (MongoException e) {
            log.warn("Could not {} idempotency key {}: {}", keep ? "keep the answer of" : "release", id, e.toString());
        }
    }

    private void answerFromRecord(IdempotencyKeys.Found found, String fingerprint, HttpServletResponse response)
            throws IOException {
        if (!found.sameRequest(fingerprint)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with another request");
            return;
        }
        if (!found.answered()) {
            problems.write(response, HttpStatus.CONFLICT, "CONFLICT",
                    "A request with this Idempotency-Key is still being processed");
            return;
        }
        Document record = found.record();
        response.setStatus(record.getInteger("status"));
        if (record.getString("contentType") != null) {
            response.setContentType(record.getString("contentType"));
        }
        if (record.getString("location") != null) {
            response.setHeader("Location", record.getString("location"));
        }
        response.setHeader("Idempotent-Replayed", "true");
        byte[] body = record.get("body", Binary.class).getData();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void destroy() {
        renewals.shutdownNow();
    }
}
