package org.jiguan.platform.testing;

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
 * Tokens a hostile or careless client sends: without {@code sub}, expired, signed with another secret, or not a
 * token at all. Valid ones come from {@link ApiClient#as}.
 */
public final class TestTokens {
    private static final String FOREIGN_SECRET = "someone-elses-secret-0123456789abcdefghij";

    private TestTokens() {
    }

    /** An ADMIN token for all committees that names no caller. */
    public static String withoutSubject() {
        return sign(TestInfrastructure.JWT_SECRET, claims(null, Duration.ofHours(1)));
    }

    public static String expired() {
        return sign(TestInfrastructure.JWT_SECRET, claims("expired", Duration.ofHours(-1)));
    }

    /** Well formed, but signed with a secret the service does not know. */
    public static String forged() {
        return sign(FOREIGN_SECRET, claims("forger", Duration.ofHours(1)));
    }

    public static String garbage() {
        return "not.a.token";
    }

    private static JWTClaimsSet claims(String subject, Duration validFor) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer("jiguan-local")
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.plus(validFor)))
                .claim("roles", List.of("ADMIN"))
                .claim("committees", List.of("*"));
        if (subject != null) {
            claims.subject(subject);
        }
        return claims.build();
    }

    private static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign token", e);
        }
    }
}
