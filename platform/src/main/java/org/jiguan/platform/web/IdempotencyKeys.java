package org.jiguan.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's kept {@code Idempotency-Key}s ({@code idempotency_keys} in its MongoDB). A key is first claimed
 * {@code PENDING} under a fresh lease, which the running request renews ({@link #renew}); it ends {@code DONE} with
 * the kept answer, or is released for a retry. Another request may take a key over only when its lease has not
 * been renewed for the takeover time: the request holding it has died, not merely slowed down. Every write names
 * {@code _id} and the lease, so a request that lost its key can neither keep its answer over the new one nor
 * release it; reads are {@code _id} lookups.
 */
public class IdempotencyKeys {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Duration takeoverAfter;

    public IdempotencyKeys(MongoDatabase database, Clock clock, Duration takeoverAfter) {
        this.keys = database.getCollection("idempotency_keys");
        this.clock = clock;
        this.takeoverAfter = takeoverAfter;
        // Serves the flat {_id, lease} filters as lookups: the local server scans for any other shape.
        keys.createIndex(Indexes.ascending("_id", "lease"), new IndexOptions().unique(true).name("_id_lease"));
    }

    public Duration takeoverAfter() {
        return takeoverAfter;
    }

    /**
     * The stored id of a caller's key: a digest of both, length-prefixed, so no two (caller, key) pairs share it
     * whatever characters they contain, and its length is fixed whatever their length.
     */
    public static String idOf(String caller, String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((caller.length() + ":" + caller + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What claiming a key found: the lease now held, or the record of an earlier request with it. */
    public sealed interface Claim {
    }

    public record Claimed(String lease) implements Claim {
    }

    public record Found(Document record) implements Claim {
        public boolean sameRequest(String fingerprint) {
            return fingerprint.equals(record.getString("fingerprint"));
        }

        public boolean answered() {
            return "DONE".equals(record.getString("state"));
        }
    }

    /** The answer kept for replays. */
    public record Answer(int status, String contentType, String location, byte[] body) {
    }

    public Claim claim(String id, String fingerprint) {
        String lease = UUID.randomUUID().toString();
        while (true) {
            try {
                keys.insertOne(pending(id, fingerprint, lease));
                return new Claimed(lease);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document existing = keys.find(Filters.eq("_id", id)).first();
            if (existing == null) {
                continue; // released meanwhile
            }
            if (!abandoned(existing)) {
                return new Found(existing);
            }
            Document takeOver = new Document("_id", id).append("lease", existing.getString("lease"));
            if (keys.replaceOne(takeOver, pending(id, fingerprint, lease)).getMatchedCount() == 1) {
                log.warn("Took over idempotency key {}: its request renewed it last at {}", id,
                        existing.getDate("touchedAt").toInstant());
                return new Claimed(lease);
            }
        }
    }

    private boolean abandoned(Document record) {
        return "PENDING".equals(record.getString("state"))
                && record.getDate("touchedAt").toInstant().plus(takeoverAfter).isBefore(clock.instant());
    }

    /** Tells other requests this one is still running; false once the key was taken over. */
    public boolean renew(String id, String lease) {
        return keys.updateOne(new Document("_id", id).append("lease", lease),
                Updates.set("touchedAt", Date.from(clock.instant()))).getMatchedCount() == 1;
    }

    public void keep(String id, String lease, Answer answer) {
        Bson done = Updates.combine(Updates.set("state", "DONE"), Updates.set("status", answer.status()),
                Updates.set("contentType", answer.contentType()), Updates.set("location", answer.location()),
                Updates.set("body", new Binary(answer.body())), Updates.set("touchedAt", Date.from(clock.instant())));
        if (keys.updateOne(new Document("_id", id).append("lease", lease), done).getMatchedCount() == 0) {
            log.warn("Idempotency key {} was taken over before its answer could be kept", id);
        }
    }

    /** Frees the key for a retry (the answer was not final). */
    public void release(String id, String lease) {
        keys.deleteOne(new Document("_id", id).append("lease", lease));
    }

    /**
     * Forgets keys untouched for longer than the retention (answers and abandoned claims): a client retries within
     * minutes or hours, not months, and the keys would otherwise grow without end. Returns how many were removed.
     */
    public long forgetOlderThan(Duration retention) {
        Date cutOff = Date.from(clock.instant().minus(retention));
        long removed = keys.deleteMany(Filters.lt("touchedAt", cutOff)).getDeletedCount()
                // keys kept before claims were renewed: their _id was "sub|key" and they carry createdAt
                + keys.deleteMany(Filters.lt("createdAt", cutOff)).getDeletedCount();
        if (removed > 0) {
            log.info("Forgot {} idempotency keys untouched since {}", removed, cutOff.toInstant());
        }
        return removed;
    }

    private Document pending(String id, String fingerprint, String lease) {
        return new Document("_id", id).append("fingerprint", fingerprint).append("state", "PENDING")
                .append("lease", lease).append("touchedAt", Date.from(clock.instant()));
    }
}
