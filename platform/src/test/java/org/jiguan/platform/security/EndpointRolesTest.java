package org.jiguan.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.jiguan.platform.security.Caller.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Each API endpoint says who may call it; one that does not stops the service from starting. */
class EndpointRolesTest {
    @Roles(Role.COMMITTEE_OFFICE)
    static class Committees {
        void decide() {
        }

        @Roles(Role.ORGAN_OFFICE)
        void report() {
        }
    }

    static class Forgotten {
        void act() {
        }
    }

    @Test
    void the_roles_of_the_method_or_else_its_controller_and_admin_always() throws Exception {
        RequestMappingHandlerMapping handlers = new RequestMappingHandlerMapping();
        register(handlers, "/api/v1/organs/{organId}/abolition", RequestMethod.POST, new Committees(), "decide");
        register(handlers, "/api/v1/organs/{organId}/headcount", RequestMethod.POST, new Committees(), "report");

        assertThat(EndpointRoles.of(handlers).rules()).containsExactlyInAnyOrder(
                new EndpointRoles.Rule(HttpMethod.POST, "/api/v1/organs/{organId}/abolition",
                        Set.of("ADMIN", "COMMITTEE_OFFICE")),
                new EndpointRoles.Rule(HttpMethod.POST, "/api/v1/organs/{organId}/headcount",
                        Set.of("ADMIN", "ORGAN_OFFICE")));
    }

    @Test
    void an_api_endpoint_without_roles_is_an_error_naming_it() throws Exception {
        RequestMappingHandlerMapping handlers = new RequestMappingHandlerMapping();
        register(handlers, "/api/v1/organs/{organId}/abolition", RequestMethod.POST, new Committees(), "decide");
        register(handlers, "/api/v1/forgotten", RequestMethod.POST, new Forgotten(), "act");

        assertThatThrownBy(() -> EndpointRoles.of(handlers)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/api/v1/forgotten").hasMessageNotContaining("abolition");
    }

    @Test
    void an_endpoint_outside_the_api_needs_none() throws Exception {
        RequestMappingHandlerMapping handlers = new RequestMappingHandlerMapping();
        register(handlers, "/dashboard/data", RequestMethod.GET, new Forgotten(), "act");
        assertThat(EndpointRoles.of(handlers).rules()).isEmpty();
    }

    private static void register(RequestMappingHandlerMapping handlers, String path, RequestMethod method,
                                 Object controller, String name) throws NoSuchMethodException {
        handlers.registerMapping(RequestMappingInfo.paths(path).methods(method).build(), controller,
                controller.getClass().getDeclaredMethod(name));
    }
}
