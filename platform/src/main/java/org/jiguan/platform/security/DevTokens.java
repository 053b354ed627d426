package org.jiguan.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Mints HS256 tokens signed with {@code JIGUAN_JWT_SECRET}, in the claim layout of CONTRACT.md ({@code sub},
 * {@code roles}, {@code committees}, optional {@code organs}). For the local stack and tests; production tokens
 * come from the OIDC provider.
 */
public final class DevTokens {
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private DevTokens() {
    }

    public static String mint(String secret, String subject, List<String> roles, List<String> committees,
                              List<String> organs, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("jiguan-local")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", roles)
                .claim("committees", committees);
        if (organs != null && !organs.isEmpty()) {
            claims.claim("organs", organs);
        }
        return sign(secret, claims.build());
    }

    /** Signs any claims, also incomplete ones (tests of refused tokens). */
    public static String sign(String secret, JWTClaimsSet claims) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("JIGUAN_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }
}
