package org.jiguan.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
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
 * {@code Idempotency-Key} on POST (CONTRACT.md): the same key with the same body returns the first response
 * again and changes nothing; the same key with another body is {@code 422}. Keys are per caller and kept in
 * the service's MongoDB ({@code idempotency_keys}, keyed by {@code _id}). A key whose request is still running
 * answers {@code 409}; a key left pending by a crash is taken over after {@link #STALE_AFTER}. Server failures
 * (5xx) are not remembered, so the client can retry with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {
    public static final String HEADER = "Idempotency-Key";
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final MongoCollection<Document> keys;
    private final ProblemWriter problems;
    private final Clock clock;

    public IdempotencyFilter(MongoDatabase database, ProblemWriter problems, Clock clock) {
        this.keys = database.getCollection("idempotency_keys");
        this.problems = problems;
        this.clock = clock;
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
        String caller = auth == null ? "anonymous" : auth.getName();
        byte[] body = request.getInputStream().readAllBytes();
        String id = caller + "|" + key;
        String fingerprint = fingerprint(request, body);

        Document existing;
        try {
            existing = claim(id, fingerprint);
        } catch (MongoException e) {
            // Filters answer before the controller advice can: say "retry later", never a bare 500.
            log.warn("Idempotency keys unavailable: {}", e.toString());
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE",
                    "The store is unavailable; retry later with the same Idempotency-Key");
            return;
        }
        if (existing != null) {
            answerFromRecord(existing, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            answered = captured.getStatus() < 500;
        } finally {
            if (answered) {
                remember(id, fingerprint, captured);
            } else {
                forget(id);
            }
            captured.copyBodyToResponse();
        }
    }

    /** Inserts a pending record; returns the existing record when the key was used before. */
    private Document claim(String id, String fingerprint) {
        Instant now = clock.instant();
        Document pending = new Document("_id", id).append("fingerprint", fingerprint)
                .append("state", "PENDING").append("createdAt", Date.from(now));
        try {
            keys.insertOne(pending);
            return null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = keys.find(Filters.eq("_id", id)).first();
        if (existing == null) {
            return claim(id, fingerprint);
        }
        boolean stale = "PENDING".equals(existing.getString("state"))
                && existing.getDate("createdAt").toInstant().plus(STALE_AFTER).isBefore(now);
        if (stale && keys.deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "PENDING"))).getDeletedCount() == 1) {
            log.warn("Taking over idempotency key {} left pending since {}", id, existing.getDate("createdAt"));
            return claim(id, fingerprint);
        }
        return existing;
    }

    /**
     * Forgets answers older than the retention: a client retries within minutes or hours, not months, and the
     * keys would otherwise grow without end. Returns how many were removed.
     */
    public long forgetAnswersOlderThan(Duration retention) {
        Date cutOff = Date.from(clock.instant().minus(retention));
        long removed = keys.deleteMany(Filters.and(Filters.eq("state", "DONE"), Filters.lt("createdAt", cutOff)))
                .getDeletedCount();
        if (removed > 0) {
            log.info("Forgot {} idempotency keys answered before {}", removed, cutOff.toInstant());
        }
        return removed;
    }

    private void answerFromRecord(Document record, String fingerprint, HttpServletResponse response) throws IOException {
        if (!fingerprint.equals(record.getString("fingerprint"))) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with another request");
            return;
        }
        if (!"DONE".equals(record.getString("state"))) {
            problems.write(response, HttpStatus.CONFLICT, "CONFLICT",
                    "A request with this Idempotency-Key is still being processed");
            return;
        }
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

    /**
     * Keeps the answer for replays. If the store fails now the command itself was stored: the key is left
     * pending and taken over after {@link #STALE_AFTER}; a retry meanwhile answers 409.
     */
    private void remember(String id, String fingerprint, ContentCachingResponseWrapper response) {
        Document done = new Document("_id", id)
                .append("fingerprint", fingerprint)
                .append("state", "DONE")
                .append("status", response.getStatus())
                .append("contentType", response.getContentType())
                .append("location", response.getHeader("Location"))
                .append("body", new Binary(response.getContentAsByteArray()))
                .append("createdAt", Date.from(clock.instant()));
        try {
            keys.replaceOne(Filters.eq("_id", id), done);
        } catch (MongoException e) {
            log.warn("Could not keep the answer for idempotency key {}: {}", id, e.toString());
        }
    }

    private void forget(String id) {
        try {
            keys.deleteOne(Filters.eq("_id", id));
        } catch (MongoException e) {
            log.warn("Could not release idempotency key {}: {}", id, e.toString());
        }
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

    /** Lets the controller read a body the filter has already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
