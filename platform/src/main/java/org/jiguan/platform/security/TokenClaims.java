package org.jiguan.platform.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The claims a token must carry (CONTRACT.md "Security"): {@code sub} and {@code exp} always, {@code iss} and
 * {@code aud} equal to {@code JIGUAN_JWT_ISSUER} and {@code JIGUAN_JWT_AUDIENCE} when those are set (production
 * requires them). A token failing any of them is refused by the resource server with {@code 401}, before a
 * controller sees it.
 */
public final class TokenClaims {
    private TokenClaims() {
    }

    /** @param issuer the expected {@code iss}, or blank to accept any; @param audience the same for {@code aud} */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        checks.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null));
        checks.add(new JwtTimestampValidator());
        if (!issuer.isBlank()) {
            checks.add(new JwtIssuerValidator(issuer));
        }
        if (!audience.isBlank()) {
            checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }
}
