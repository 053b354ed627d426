package org.jiguan.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An authenticated token with the {@link Caller} it stands for, read once per request. */
final class CallerToken extends JwtAuthenticationToken {
    private final transient Caller caller;

    CallerToken(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, jwt.getSubject());
        this.caller = caller;
    }

    Caller caller() {
        return caller;
    }
}
