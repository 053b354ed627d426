package org.jiguan.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@code Idempotency-Key} a request runs under, as {@link IdempotencyFilter} claimed it: the caller-scoped key
 * id of {@link IdempotencyKeys#idOf} and the request's fingerprint (path and body). It names what the request
 * does, so that a retry of it does the same and no more (ARCHITECTURE.md "Idempotency-Key"):
 * <ul>
 * <li>each command the request sends carries {@link #nextCommandKey()} (the n-th command of the request: key id,
 * fingerprint, n), which the event log stores with the command's events, uniquely;</li>
 * <li>each id the server makes for it ({@link ClientIds#orNew}) is derived from the same, so a retry that runs
 * again makes the same ids and names the same created things.</li>
 * </ul>
 */
public final class IdempotentRequest {
    private static final String ATTRIBUTE = IdempotentRequest.class.getName();

    private final String name;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();

    private IdempotentRequest(String keyId, String fingerprint) {
        // The fingerprint keeps a key reused for another request after its retention from finding this one's acts.
        this.name = keyId + ":" + fingerprint.substring(0, 16);
    }

    static void begin(HttpServletRequest request, String keyId, String fingerprint) {
        request.setAttribute(ATTRIBUTE, new IdempotentRequest(keyId, fingerprint));
    }

    /** The keyed request the current thread serves, if it has an {@code Idempotency-Key}. */
    public static Optional<IdempotentRequest> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((IdempotentRequest) attributes.getAttribute(ATTRIBUTE,
                        RequestAttributes.SCOPE_REQUEST));
    }

    /** The key of the request's next command: {@code key:<key id>:<fingerprint>#<n>}. */
    public String nextCommandKey() {
        return "key:" + name + "#" + commands.incrementAndGet();
    }

    /** The request's next server-made id: the same on every run of the same keyed request. */
    String nextId() {
        return UUID.nameUUIDFromBytes((name + "/id/" + ids.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
