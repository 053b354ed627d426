package org.jiguan.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jiguan.platform.security.Caller;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Keycloak realm of deploy/compose: its roles are the platform's, and a token shaped by its mappers is read by the
 * platform as the caller the realm means (CONTRACT.md "Security": claims roles, committees, organs).
 */
class KeycloakRealmTest {
    private static final JsonNode REALM = Repository.json("deploy/compose/keycloak/jiguan-realm.json");
    private static final String REALM_ROLE_MAPPER = "oidc-usermodel-realm-role-mapper";
    private static final String ATTRIBUTE_MAPPER = "oidc-usermodel-attribute-mapper";

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static List<JsonNode> claimMappers(JsonNode client) {
        return list(client.path("protocolMappers")).stream()
                .filter(m -> Set.of(REALM_ROLE_MAPPER, ATTRIBUTE_MAPPER).contains(m.path("protocolMapper").asText()))
                .toList();
    }

    private static JsonNode userProfile() throws IOException {
        JsonNode provider = REALM.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0);
        return new ObjectMapper().readTree(provider.path("config").path("kc.user.profile.config").get(0).asText());
    }

    @Test
    void theRealmRolesAreThePlatformsRoles() {
        Set<String> roles = new TreeSet<>();
        REALM.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).isEqualTo(Platform.roles());
    }

    @Test
    void everyClientPutsTheClaimsIntoTheAccessTokenAsLists() throws IOException {
        JsonNode profile = userProfile();
        for (JsonNode client : REALM.path("clients")) {
            List<JsonNode> mappers = claimMappers(client);
            assertThat(mappers).extracting(m -> m.path("config").path("claim.name").asText())
                    .as(client.path("clientId").asText()).containsExactlyInAnyOrder("roles", "committees", "organs");
            for (JsonNode mapper : mappers) {
                JsonNode config = mapper.path("config");
                assertThat(config.path("access.token.claim").asText()).as(mapper.path("name").asText()).isEqualTo("true");
                assertThat(config.path("multivalued").asText()).as(mapper.path("name").asText()).isEqualTo("true");
                if (mapper.path("protocolMapper").asText().equals(ATTRIBUTE_MAPPER)) {
                    JsonNode attribute = list(profile.path("attributes")).stream()
                            .filter(a -> a.path("name").asText().equals(config.path("user.attribute").asText()))
                            .findFirst().orElseThrow(() -> new AssertionError(
                                    config.path("user.attribute").asText() + " is not declared in the user profile"));
                    assertThat(attribute.path("multivalued").asBoolean()).isTrue();
                    assertThat(attribute.path("permissions").path("edit").toString())
                            .as("only administrators set a user's scope").isEqualTo("[\"admin\"]");
                }
            }
        }
    }

    @Test
    void theSampleUsersTokensReachThePlatformAsTheCallersTheRealmMeans() {
        JsonNode client = REALM.path("clients").get(0);
        assertThat(REALM.path("users")).isNotEmpty();
        for (JsonNode user : REALM.path("users")) {
            Caller caller = Platform.callerOf(claimsFor(user, client));
            Set<String> realmRoles = new TreeSet<>();
            user.path("realmRoles").forEach(r -> realmRoles.add(r.asText()));
            String name = user.path("username").asText();
            assertThat(caller.subject()).isEqualTo(name);
            assertThat(caller.roles()).extracting(Enum::name).as(name).containsExactlyInAnyOrderElementsOf(realmRoles);
            assertThat(caller.committees()).as(name).containsExactlyInAnyOrderElementsOf(values(user, "committees"));
            assertThat(caller.organs()).as(name).containsExactlyInAnyOrderElementsOf(values(user, "organs"));
            assertThat(caller.committees()).as(name + " may act somewhere").isNotEmpty();
        }
    }

    /** The claims Keycloak's mappers give this user's access token (plus sub and the realm's default role). */
    private static Map<String, Object> claimsFor(JsonNode user, JsonNode client) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", user.path("username").asText());
        for (JsonNode mapper : claimMappers(client)) {
            JsonNode config = mapper.path("config");
            List<String> values = new ArrayList<>();
            if (mapper.path("protocolMapper").asText().equals(REALM_ROLE_MAPPER)) {
                user.path("realmRoles").forEach(r -> values.add(r.asText()));
                values.add("default-roles-" + REALM.path("realm").asText());
            } else {
                values.addAll(values(user, config.path("user.attribute").asText()));
            }
            if (!values.isEmpty()) {
                claims.put(config.path("claim.name").asText(), values);
            }
        }
        return claims;
    }

    private static List<String> values(JsonNode user, String attribute) {
        List<String> values = new ArrayList<>();
        user.path("attributes").path(attribute).forEach(v -> values.add(v.asText()));
        return values;
    }
}
