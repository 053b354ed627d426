package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jiguan.platform.security.DevTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guards in front of every command endpoint of a service: a missing, forged or expired token is 401, a caller
 * without the role or outside its scope 403, a malformed body, a body missing required fields and a value of the
 * wrong type 400, all as problem+json. A service's {@code EndpointGuardsTest} implements this next to its test base
 * and declares its endpoint table as {@code static Stream<Arguments> endpoints()}: the path template, the role that
 * may call it, and a body that passes validation (or {@code null} for one {@link #body} builds).
 */
public interface EndpointGuards {
    /** A well-formed token whose signature is not the service's. */
    String FORGED_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXSwiY29tbWl0dGVlcyI6WyIqIl19."
            + "bm90LXRoZS1yaWdodC1zaWduYXR1cmUtYXQtYWxsLW5vLXdheQ";

    String baseUrl();

    ApiClient admin();

    /** The endpoint's path with its placeholders filled by resources that exist. */
    String path(String template);

    /** The body to send: the given one, or one built for the endpoints whose body must name fresh resources. */
    Object body(String endpoint, Object given);

    /** An endpoint creating a resource, for the checks made once rather than per endpoint. */
    String creatingEndpoint();

    /** A body in which every field any endpoint takes has a value of the wrong type or an unknown enum constant. */
    Map<String, Object> wronglyTypedBody();

    /**
     * What an endpoint whose body has no required field answers to an empty one, as its rules decide; none (the
     * default) for the endpoints that answer 400 naming the missing fields.
     */
    default Set<Integer> statusesOfAnEmptyBody(String endpoint) {
        return Set.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void no_token_is_401(String endpoint, String role, Object body) {
        ProblemAssertions.assertProblem(ApiClient.anonymous(baseUrl()).post(path(endpoint), body(endpoint, body)),
                401, "UNAUTHENTICATED");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void forged_token_is_401(String endpoint, String role, Object body) {
        ApiClient forged = ApiClient.anonymous(baseUrl()).withToken(FORGED_TOKEN);
        ProblemAssertions.assertProblem(forged.post(path(endpoint), body(endpoint, body)), 401, "UNAUTHENTICATED");
    }

    @Test
    default void expired_token_is_401() {
        String expired = DevTokens.mint(TestInfrastructure.JWT_SECRET, "late", List.of("ADMIN"), List.of("*"),
                List.of(), Duration.ofHours(-1));
        ApiClient caller = ApiClient.anonymous(baseUrl()).withToken(expired);
        ProblemAssertions.assertProblem(caller.post(creatingEndpoint(), body(creatingEndpoint(), null)),
                401, "UNAUTHENTICATED");
    }

    /** A token without {@code sub} or without {@code exp} is refused like a forged one (it was a 500 once). */
    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"sub", "exp"})
    default void token_missing_a_required_claim_is_401(String claim) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issueTime(new Date())
                .claim("roles", List.of("ADMIN")).claim("committees", List.of("*"));
        if (!claim.equals("sub")) {
            claims.subject("someone");
        }
        if (!claim.equals("exp")) {
            claims.expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
        }
        ApiClient caller = ApiClient.anonymous(baseUrl())
                .withToken(DevTokens.sign(TestInfrastructure.JWT_SECRET, claims.build()));
        ProblemAssertions.assertProblem(caller.post(creatingEndpoint(), body(creatingEndpoint(), null)),
                401, "UNAUTHENTICATED");
    }

    @Test
    default void token_without_roles_is_403() {
        ApiClient noRoles = ApiClient.as(baseUrl(), List.of(), List.of("*"), List.of());
        ProblemAssertions.assertProblem(noRoles.post(creatingEndpoint(), body(creatingEndpoint(), null)),
                403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void reader_role_is_403(String endpoint, String role, Object body) {
        ApiClient viewer = ApiClient.as(baseUrl(), List.of("OVERSIGHT_VIEWER"), List.of("*"), List.of());
        ProblemAssertions.assertProblem(viewer.post(path(endpoint), body(endpoint, body)), 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void the_other_office_role_is_403(String endpoint, String role, Object body) {
        String other = role.equals("ORGAN_OFFICE") ? "COMMITTEE_OFFICE" : "ORGAN_OFFICE";
        ApiClient caller = ApiClient.as(baseUrl(), List.of(other), List.of("*"), List.of());
        ProblemAssertions.assertProblem(caller.post(path(endpoint), body(endpoint, body)), 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void right_role_for_another_committee_is_403(String endpoint, String role, Object body) {
        ApiClient caller = ApiClient.as(baseUrl(), List.of(role), List.of("another-committee"), List.of());
        ProblemAssertions.assertProblem(caller.post(path(endpoint), body(endpoint, body)), 403, "FORBIDDEN");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void malformed_json_is_400(String endpoint, String role, Object body) {
        ProblemAssertions.assertProblem(admin().post(path(endpoint), "{\"name\": "), 400, "VALIDATION");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void missing_required_fields_is_400_naming_them(String endpoint, String role, Object body) {
        ApiClient.Response r = admin().post(path(endpoint), "{}");
        Set<Integer> otherwise = statusesOfAnEmptyBody(endpoint);
        if (!otherwise.isEmpty()) {
            assertThat(r.status()).as(r.toString()).isIn(otherwise);
            return;
        }
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").size()).as(r.toString()).isPositive();
        assertThat(r.body().path("errors").get(0).path("field").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    default void wrong_type_is_400(String endpoint, String role, Object body) {
        ProblemAssertions.assertProblem(admin().post(path(endpoint), wronglyTypedBody()), 400, "VALIDATION");
    }

    /**
     * Each field of the endpoint's valid body in turn given a value of the wrong type (an array of objects, which
     * no field accepts): 400, naming that field. Unlike a body of unknown keys, this cannot pass by missing fields.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    @SuppressWarnings("unchecked")
    default void each_field_of_the_wrong_type_is_400_naming_it(String endpoint, String role, Object body) {
        Map<String, Object> valid = (Map<String, Object>) body(endpoint, body);
        for (String field : valid.keySet()) {
            Map<String, Object> wrong = new java.util.LinkedHashMap<>(valid);
            wrong.put(field, List.of(Map.of("wrong", 1)));
            ApiClient.Response r = admin().post(path(endpoint), wrong);
            ProblemAssertions.assertProblem(r, 400, "VALIDATION");
            assertThat(r.body().path("errors").get(0).path("field").asText()).as(r.toString()).startsWith(field);
        }
    }
}
