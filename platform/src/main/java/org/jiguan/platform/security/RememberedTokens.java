package org.jiguan.platform.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes each distinct token once, then remembers it for {@link #KEPT_FOR}: the back-end systems that call the
 * services send the same token with many requests, and parsing, verifying and converting it was a fifth of a
 * read's CPU (JFR). The same token text carries the same signature, already verified; its claims are checked again
 * at every use ({@link TokenClaims}: an expired token is refused the moment it expires). What a token remembered
 * still gets past: a signing key withdrawn from the key set within the last {@link #KEPT_FOR}.
 */
public final class RememberedTokens implements JwtDecoder {
    static final Duration KEPT_FOR = Duration.ofMinutes(1);
    private static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> claims;
    private final Cache<String, Jwt> decoded = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfterWrite(KEPT_FOR).build();

    /** @param claims the checks {@code decoder} applies, applied again to a remembered token */
    public RememberedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> claims) {
        this.decoder = decoder;
        this.claims = claims;
    }

    @Override
    public Jwt decode(String token) {
        Jwt remembered = decoded.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = decoder.decode(token);
            decoded.put(token, jwt);
            return jwt;
        }
        OAuth2TokenValidatorResult result = claims.validate(remembered);
        if (result.hasErrors()) {
            decoded.invalidate(token);
            OAuth2Error first = result.getErrors().iterator().next();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + first.getDescription(), result.getErrors());
        }
        return remembered;
    }
}
