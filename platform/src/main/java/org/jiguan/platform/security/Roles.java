package org.jiguan.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an API endpoint, declared on the endpoint's handler method or on its controller: these roles, and
 * ADMIN, who may call every endpoint. Checked in the security filter before the body is read, so a caller without
 * the role gets 403 whatever it sent; the committee or organ scope is checked per act once the target is known (see
 * {@link Caller}). A service with an endpoint under {@code /api/} that declares none does not start
 * ({@link EndpointRoles}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Roles {
    /** The roles besides ADMIN; {@code ADMIN} alone for an endpoint of ADMIN's only. */
    Caller.Role[] value();
}
