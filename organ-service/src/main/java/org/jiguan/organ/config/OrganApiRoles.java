package org.jiguan.organ.config;

import static org.springframework.http.HttpMethod.POST;

import org.jiguan.platform.security.ApiRoles;
import org.springframework.stereotype.Component;

/**
 * Who may send which organ-service command (CONTRACT.md "Security"): the committee's office decides on
 * committees, organs, leaders, approvals and supervision; the organ's office files its own reports, headcount
 * and rectification. ADMIN may do all.
 */
@Component
public class OrganApiRoles implements ApiRoles {
    private static final String[] ORGAN_OFFICE_ACTS = {
            "/api/v1/organs/*/headcount",
            "/api/v1/organs/*/annual-reports",
            "/api/v1/organs/*/special-reports",
            "/api/v1/organs/*/integrity-statements",
            "/api/v1/organs/*/personal-matters-reports",
            "/api/v1/organs/*/findings/*/rectifications"};

    @Override
    public void configure(org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer<?>
                                  .AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(POST, ORGAN_OFFICE_ACTS).hasAnyRole("ADMIN", "ORGAN_OFFICE")
                .requestMatchers(POST, "/api/v1/committees/**", "/api/v1/organs/**", "/api/v1/committees",
                        "/api/v1/organs").hasAnyRole("ADMIN", "COMMITTEE_OFFICE");
    }
}
