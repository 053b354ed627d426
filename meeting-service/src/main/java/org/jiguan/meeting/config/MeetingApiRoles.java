package org.jiguan.meeting.config;

import static org.springframework.http.HttpMethod.POST;

import org.jiguan.platform.security.ApiRoles;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may send which meeting-service command (CONTRACT.md "Security"): the organ's office records its meetings,
 * votes, minutes, tasks, urgent decisions and reports to the committee; revocation and the reply to a report are
 * the committee office's. ADMIN may do all.
 */
@Component
public class MeetingApiRoles implements ApiRoles {
    @Override
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(POST, "/api/v1/decisions/*/revocation", "/api/v1/decisions/*/committee-report/reply")
                .hasAnyRole("ADMIN", "COMMITTEE_OFFICE")
                .requestMatchers(POST, "/api/v1/meetings", "/api/v1/meetings/**", "/api/v1/decisions/**",
                        "/api/v1/urgent-decisions", "/api/v1/urgent-decisions/**")
                .hasAnyRole("ADMIN", "ORGAN_OFFICE");
    }
}
