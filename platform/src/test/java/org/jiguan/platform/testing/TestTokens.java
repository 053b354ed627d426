package org.jiguan.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jiguan.platform.security.DevTokens;

/**
 * Tokens a hostile or careless client sends: without {@code sub}, expired, signed with another secret, or not a
 * token at all. Valid ones come from {@link ApiClient#as}.
 */
public final class TestTokens {
    private static final String FOREIGN_SECRET = "someone-elses-secret-0123456789abcdefghij";

    private TestTokens() {
    }

    /**
     * One of each kind of token a service meets, by name, for {@link ApiFuzz}, a valid ADMIN one first: valid ones of each role (for all
     * committees, or for committees and organs that are not the target's), forged, expired, without {@code sub},
     * garbage, and none (a null token).
     */
    public static Map<String, Supplier<String>> kinds() {
        Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put("admin", () -> valid(List.of("ADMIN"), List.of("*"), List.of()));
        kinds.put("committee office of all", () -> valid(List.of("COMMITTEE_OFFICE"), List.of("*"), List.of()));
        kinds.put("committee office of another", () -> valid(List.of("COMMITTEE_OFFICE"), List.of("other"), List.of()));
        kinds.put("organ office of all", () -> valid(List.of("ORGAN_OFFICE"), List.of("*"), List.of()));
        kinds.put("organ office of another organ", () -> valid(List.of("ORGAN_OFFICE"), List.of("*"), List.of("other")));
        kinds.put("oversight viewer", () -> valid(List.of("OVERSIGHT_VIEWER"), List.of("*"), List.of()));
        kinds.put("no role", () -> valid(List.of("JANITOR"), List.of("*"), List.of()));
        kinds.put("forged", TestTokens::forged);
        kinds.put("expired", TestTokens::expired);
        kinds.put("without sub", TestTokens::withoutSubject);
        kinds.put("garbage", TestTokens::garbage);
        kinds.put("none", () -> null);
        return kinds;
    }

    private static String valid(List<String> roles, List<String> committees, List<String> organs) {
        return DevTokens.mint(TestInfrastructure.JWT_SECRET, "fuzz-" + String.join("-", roles), roles, committees,
                organs, Duration.ofHours(1));
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
