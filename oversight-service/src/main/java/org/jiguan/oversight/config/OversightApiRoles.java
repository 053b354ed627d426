package org.jiguan.oversight.config;

import static org.springframework.http.HttpMethod.GET;

import org.jiguan.platform.security.ApiRoles;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Every read needs one of the four roles; what it shows is then filtered to the caller's committees (and organs)
 * per query. Rebuilding the read models is for ADMIN. Dead letters are the platform's (ADMIN, its rule comes first).
 */
@Component
public class OversightApiRoles implements ApiRoles {
    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                .requestMatchers(GET, "/api/v1/**")
                .hasAnyRole("ADMIN", "COMMITTEE_OFFICE", "ORGAN_OFFICE", "OVERSIGHT_VIEWER");
    }
}
