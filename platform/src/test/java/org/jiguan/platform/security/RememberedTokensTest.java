package org.jiguan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token is decoded once, and its claims are still checked at every use. */
class RememberedTokensTest {
    private final AtomicInteger decoded = new AtomicInteger();

    @Test
    void the_same_token_is_decoded_once_and_another_token_is_decoded_on_its_own() {
        JwtDecoder tokens = new RememberedTokens(counting(Instant.now().plusSeconds(600)), TokenClaims.validator("", ""));

        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("official-token-a");
        assertThat(tokens.decode("token-a").getSubject()).isEqualTo("official-token-a");
        assertThat(tokens.decode("token-b").getSubject()).isEqualTo("official-token-b");

        assertThat(decoded).hasValue(2);
    }

    @Test
    void a_remembered_token_is_refused_once_it_has_expired() {
        // exp 58 s ago: JwtTimestampValidator allows 60 s of clock skew, so it expires for it within 2 s
        JwtDecoder tokens = new RememberedTokens(counting(Instant.now().minusSeconds(58)),
                TokenClaims.validator("", ""));
        tokens.decode("short-lived");

        long until = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < until) {
            try {
                tokens.decode("short-lived");
            } catch (JwtValidationException expired) {
                assertThat(expired).hasMessageContaining("expired");
                assertThat(decoded).as("refused by the claims checked again, not decoded anew").hasValue(1);
                return;
            }
            sleep();
        }
        throw new AssertionError("a remembered token was still accepted after its exp");
    }

    @Test
    void a_token_the_decoder_refuses_is_refused_every_time() {
        JwtDecoder refusing = token -> {
            decoded.incrementAndGet();
            throw new org.springframework.security.oauth2.jwt.BadJwtException("bad signature");
        };
        JwtDecoder tokens = new RememberedTokens(refusing, TokenClaims.validator("", ""));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("forged")).hasMessage("bad signature");
        }
        assertThat(decoded).hasValue(3);
    }

    /** A decoder that makes a Jwt of the token's text (subject "official-<text>") and counts its calls. */
    private JwtDecoder counting(Instant expiresAt) {
        return token -> {
            decoded.incrementAndGet();
            return new Jwt(token, expiresAt.minusSeconds(600), expiresAt, Map.of("alg", "HS256"),
                    Map.of("sub", "official-" + token, "exp", expiresAt));
        };
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
