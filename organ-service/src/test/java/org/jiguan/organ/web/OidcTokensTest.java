package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production path: with {@code JIGUAN_JWK_SET_URI} set, tokens are RS256 tokens of an OIDC provider whose
 * keys are fetched from its JWK set, naming the configured issuer and audience; HS256 development tokens are then
 * refused, and so are the provider's tokens for another issuer or audience.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcTokensTest {
    private static final RSAKey PROVIDER_KEY = generateKey();
    private static final HttpServer JWKS = serveJwks();
    private static final String ISSUER = "https://oidc.example/realms/jiguan";
    private static final String AUDIENCE = "jiguan";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerStores(registry, "organ-service-oidc-test");
        registry.add("jiguan.security.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
        registry.add("jiguan.security.jwt-issuer", () -> ISSUER);
        registry.add("jiguan.security.jwt-audience", () -> AUDIENCE);
    }

    @AfterAll
    static void stopProvider() {
        JWKS.stop(0);
    }

    @Test
    void provider_signed_token_is_accepted_and_a_development_token_is_not() throws JOSEException {
        String base = "http://127.0.0.1:" + port;
        String committee = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response accepted = ApiClient.anonymous(base).withToken(providerToken(ISSUER, AUDIENCE))
                .post("/api/v1/committees", Map.of("committeeId", committee, "name", "党中央",
                        "level", "CENTRAL", "organQuota", 3));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);

        ApiClient.Response refused = ApiClient.admin(base).post("/api/v1/committees", Map.of(
                "name", "党中央", "level", "CENTRAL", "organQuota", 3));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void provider_signed_token_for_another_issuer_or_audience_is_401() throws JOSEException {
        String base = "http://127.0.0.1:" + port;
        for (String token : List.of(providerToken("https://other.example/realms/jiguan", AUDIENCE),
                providerToken(ISSUER, "another-system"))) {
            ApiClient.Response refused = ApiClient.anonymous(base).withToken(token).post("/api/v1/committees",
                    Map.of("name", "党中央", "level", "CENTRAL", "organQuota", 3));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
            assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        }
    }

    private static String providerToken(String issuer, String audience) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("official@example-provider")
                .issuer(issuer)
                .audience(List.of(audience, "account"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                .claim("roles", List.of("ADMIN"))
                .claim("committees", List.of("*"))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(PROVIDER_KEY.getKeyID()).build(),
                claims);
        jwt.sign(new RSASSASigner(PROVIDER_KEY));
        return jwt.serialize();
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("provider-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stand-in for the OIDC provider's JWK set endpoint, on loopback. */
    private static HttpServer serveJwks() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(PROVIDER_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
