package org.jiguan.platform.security;

import java.nio.charset.StandardCharsets;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.jiguan.platform.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every {@code /api/**} call needs a bearer JWT. Production validates against the OIDC provider's JWK set
 * ({@code JIGUAN_JWK_SET_URI}); the local stack and tests use the HS256 secret {@code JIGUAN_JWT_SECRET}.
 * Roles are checked per endpoint as each declares them ({@link Roles}, {@link EndpointRoles}) before the body is
 * read; scope per act, with the target's committee known (see {@link Caller}).
 */
@AutoConfiguration
@EnableWebSecurity
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems,
                                           @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers,
                                           ObjectProvider<CommitteeTree> committees) throws Exception {
        AuthenticationEntryPoint unauthenticated = (req, res, e) -> problems.write(res, HttpStatus.UNAUTHORIZED,
                "UNAUTHENTICATED", "A valid bearer token is required");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    EndpointRoles.of(handlers).configure(auth);
                    auth.requestMatchers("/api/**").authenticated().anyRequest().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(
                                callers(committees.getIfAvailable(() -> CommitteeTree.UNKNOWN))))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((req, res, e) -> problems.write(res, HttpStatus.FORBIDDEN,
                                "FORBIDDEN", e.getMessage())))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(unauthenticated));
        return http.build();
    }

    /**
     * The {@code roles} claim becomes authorities {@code ROLE_ADMIN}, {@code ROLE_COMMITTEE_OFFICE}, …; the token
     * carries its {@link Caller}, whose {@code "<id>/**"} scopes are read against the service's committee tree.
     */
    private static Converter<Jwt, AbstractAuthenticationToken> callers(CommitteeTree tree) {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        return jwt -> new CallerToken(jwt, authorities.convert(jwt), Caller.fromJwt(jwt, tree));
    }

    /**
     * No observation per security filter, authentication or authorization: Spring Security otherwise wraps each of
     * its dozen filters in an observation of its own on every request, which JFR showed taking a tenth of a read's
     * CPU. The request itself is still observed (its metrics, and its trace: {@code traceparent} in and out, the
     * trace id in the logs) by Spring's HTTP server observation around the whole chain.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Production ({@code JIGUAN_JWK_SET_URI} set) also needs the issuer and audience its tokens must name; the local
     * stack and tests check them only when they are set. Every token needs {@code sub} and {@code exp}
     * ({@link TokenClaims}). Each distinct token is decoded once a minute at most ({@link RememberedTokens}).
     */
    @Bean
    public JwtDecoder jwtDecoder(@Value("${jiguan.security.jwk-set-uri:}") String jwkSetUri,
                                 @Value("${jiguan.security.jwt-secret:}") String secret,
                                 @Value("${jiguan.security.jwt-issuer:}") String issuer,
                                 @Value("${jiguan.security.jwt-audience:}") String audience) {
        NimbusJwtDecoder decoder;
        if (!jwkSetUri.isBlank()) {
            if (issuer.isBlank() || audience.isBlank()) {
                throw new IllegalStateException("With JIGUAN_JWK_SET_URI set, also set JIGUAN_JWT_ISSUER and "
                        + "JIGUAN_JWT_AUDIENCE: the issuer and audience production tokens must name");
            }
            decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        } else {
            byte[] key = secret.getBytes(StandardCharsets.UTF_8);
            if (key.length < DevTokens.MIN_SECRET_BYTES) {
                throw new IllegalStateException("Set JIGUAN_JWK_SET_URI (production) or JIGUAN_JWT_SECRET of at least "
                        + DevTokens.MIN_SECRET_BYTES + " bytes (local stack and tests)");
            }
            SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
            decoder = NimbusJwtDecoder.withSecretKey(secretKey).macAlgorithm(MacAlgorithm.HS256).build();
        }
        OAuth2TokenValidator<Jwt> claims = TokenClaims.validator(issuer, audience);
        decoder.setJwtValidator(claims);
        return new RememberedTokens(decoder, claims);
    }
}
