package org.jiguan.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role rule of every {@code /api/} endpoint, read from the {@link Roles} on its handler method or controller.
 * An API endpoint without one is an error at start: no endpoint can be left to "any authenticated caller" by
 * forgetting it.
 */
public final class EndpointRoles {
    private static final String API = "/api/";

    /** One endpoint's rule: its method and path pattern, and the roles that may call it (ADMIN included). */
    public record Rule(HttpMethod method, String pattern, Set<String> roles) {
    }

    private final List<Rule> rules;

    private EndpointRoles(List<Rule> rules) {
        this.rules = rules;
    }

    /** @throws IllegalStateException naming every API endpoint that declares no {@link Roles} */
    public static EndpointRoles of(RequestMappingHandlerMapping handlers) {
        List<Rule> rules = new ArrayList<>();
        List<String> unguarded = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> endpoint : handlers.getHandlerMethods().entrySet()) {
            Set<String> patterns = endpoint.getKey().getPatternValues();
            if (patterns.stream().noneMatch(p -> p.startsWith(API))) {
                continue;
            }
            Roles declared = declared(endpoint.getValue());
            if (declared == null) {
                unguarded.add(endpoint.getKey() + " (" + endpoint.getValue().getShortLogMessage() + ")");
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(List.of(Caller.Role.ADMIN.name()));
            Arrays.stream(declared.value()).map(Enum::name).forEach(roles::add);
            Set<RequestMethod> methods = endpoint.getKey().getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.values()) : methods) {
                    rules.add(new Rule(method.asHttpMethod(), pattern, roles));
                }
            }
        }
        if (!unguarded.isEmpty()) {
            throw new IllegalStateException("API endpoints without @Roles (say who may call each): " + unguarded);
        }
        return new EndpointRoles(List.copyOf(rules));
    }

    private static Roles declared(HandlerMethod handler) {
        Roles onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Roles.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Roles.class);
    }

    public List<Rule> rules() {
        return rules;
    }

    void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry requests) {
        for (Rule rule : rules) {
            requests.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roles().toArray(String[]::new));
        }
    }
}
