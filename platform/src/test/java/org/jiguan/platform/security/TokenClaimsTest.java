package org.jiguan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** CONTRACT.md "Security": one check per missing or wrong claim; each is a refused token (401 over HTTP). */
class TokenClaimsTest {
    private static final String SECRET = "token-claims-test-secret-of-at-least-32-bytes";
    private static final String ISSUER = "https://id.example.org/realms/jiguan";
    private static final String AUDIENCE = "jiguan";

    private final JwtDecoder production = decoder(ISSUER, AUDIENCE);

    @Test
    void a_token_with_every_claim_is_accepted() throws JOSEException {
        Jwt jwt = production.decode(token(UnaryOperator.identity()));
        assertThat(jwt.getSubject()).isEqualTo("official-1");
    }

    @Test
    void a_token_without_sub_is_refused() {
        assertRefused(production, c -> c.subject(null), "sub");
    }

    @Test
    void a_token_with_a_blank_sub_is_refused() {
        assertRefused(production, c -> c.subject("  "), "sub");
    }

    @Test
    void a_token_without_exp_is_refused() {
        assertRefused(production, c -> c.expirationTime(null), "exp");
    }

    @Test
    void an_expired_token_is_refused() {
        assertRefused(production, c -> c.issueTime(Date.from(Instant.now().minusSeconds(1200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))), "expired");
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        assertRefused(production, c -> c.issuer("https://elsewhere.example"), "iss");
    }

    @Test
    void a_token_without_iss_is_refused_where_an_issuer_is_set() {
        assertRefused(production, c -> c.issuer(null), "iss");
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        assertRefused(production, c -> c.audience("another-system"), "aud");
    }

    @Test
    void a_token_without_aud_is_refused_where_an_audience_is_set() {
        assertRefused(production, c -> c.audience((String) null), "aud");
    }

    @Test
    void a_token_naming_the_audience_among_others_is_accepted() throws JOSEException {
        assertThat(production.decode(token(c -> c.audience(List.of("account", AUDIENCE)))).getAudience())
                .contains(AUDIENCE);
    }

    @Test
    void without_a_configured_issuer_and_audience_any_are_accepted_but_sub_and_exp_are_still_required()
            throws JOSEException {
        JwtDecoder local = decoder("", "");
        assertThat(local.decode(token(c -> c.issuer("jiguan-local").audience((String) null))).getSubject())
                .isEqualTo("official-1");
        assertRefused(local, c -> c.subject(null), "sub");
        assertRefused(local, c -> c.expirationTime(null), "exp");
    }

    private static void assertRefused(JwtDecoder decoder, UnaryOperator<JWTClaimsSet.Builder> change, String claim) {
        assertThatThrownBy(() -> decoder.decode(token(change)))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining(claim);
    }

    private static JwtDecoder decoder(String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(TokenClaims.validator(issuer, audience));
        return decoder;
    }

    private static String token(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("official-1")
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("ADMIN"))
                .claim("committees", List.of("*"));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), change.apply(claims).build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
