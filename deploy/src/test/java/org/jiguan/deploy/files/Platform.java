package org.jiguan.deploy.files;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.CommitteeTree;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Facts the deployment files must agree with, asked of the platform's own classes: the settings every event topic is
 * created with ({@code Topics}), and how a token's claims become a caller ({@code Caller}). Some of these members are
 * package-private to the platform; reflection reads them rather than a copy kept here.
 */
final class Platform {
    private static final String TOPICS = "org.jiguan.platform.messaging.Topics";

    private Platform() {
    }

    /** retention.ms, retention.bytes and max.message.bytes, as the platform creates an event topic. */
    @SuppressWarnings("unchecked")
    static Map<String, String> permanentLog() {
        return (Map<String, String>) staticField(TOPICS, "PERMANENT_LOG");
    }

    /** The partition count a service gives a topic it has to create itself. */
    static int defaultPartitions() {
        return (Integer) staticField(TOPICS, "DEFAULT_PARTITIONS");
    }

    static Set<String> roles() {
        return Arrays.stream(Caller.Role.values()).map(Enum::name).collect(Collectors.toSet());
    }

    /** The caller the services see for a token with these claims. */
    static Caller callerOf(Map<String, Object> claims) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").claims(c -> c.putAll(claims)).build();
        try {
            Method fromJwt = Caller.class.getDeclaredMethod("fromJwt", Jwt.class, CommitteeTree.class);
            fromJwt.setAccessible(true);
            return (Caller) fromJwt.invoke(null, jwt, CommitteeTree.UNKNOWN);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Caller.fromJwt(Jwt, CommitteeTree) is how the platform reads a token's claims", e);
        }
    }

    private static Object staticField(String className, String name) {
        try {
            Field field = Class.forName(className).getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(className + "." + name + " is what the deployment files are checked against", e);
        }
    }
}
