package org.jiguan.platform.web;

import java.util.UUID;

/**
 * Client-chosen ids of created things (CONTRACT.md "Conventions"); the server makes a UUID when none is given, the
 * same one on every run of a request with the same {@code Idempotency-Key} ({@link IdempotentRequest}).
 */
public final class ClientIds {
    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
    public static final String MESSAGE = "must start with a letter or digit and use at most 64 of A-Z a-z 0-9 . _ : -";

    private ClientIds() {
    }

    public static String orNew(String clientId) {
        if (clientId != null && !clientId.isBlank()) {
            return clientId;
        }
        return IdempotentRequest.current().map(IdempotentRequest::nextId)
                .orElseGet(() -> UUID.randomUUID().toString());
    }
}
