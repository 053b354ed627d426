package org.jiguan.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's role rules per endpoint, checked in the security filter before the body is read, so a caller
 * without the role gets 403 whatever it sent. Scope (which committee or organ) is checked per act, once the
 * target's committee is known (see {@link Caller}).
 */
@FunctionalInterface
public interface ApiRoles {
    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests);
}
