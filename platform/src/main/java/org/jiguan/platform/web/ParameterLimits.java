package org.jiguan.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every query parameter and path variable is at most {@link Limits#SHORT_TEXT} characters (ids, names, dates,
 * enum values), checked before the handler runs or a body is read: 400 VALIDATION naming each one over it. In one
 * place for all endpoints; the OpenAPI document states it on every string parameter ({@link ApiDocumentation}).
 * Only the query string is read, never a form body.
 */
final class ParameterLimits implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        List<ProblemWriter.FieldError> errors = new ArrayList<>();
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value), errors));
        }
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                check(decode(name), eq < 0 ? "" : decode(pair.substring(eq + 1)), errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return true;
    }

    private static void check(String name, String value, List<ProblemWriter.FieldError> errors) {
        if (name.length() > Limits.SHORT_TEXT) {
            errors.add(new ProblemWriter.FieldError(name.substring(0, 40) + "…",
                    "a parameter name is at most " + Limits.SHORT_TEXT + " characters"));
        } else if (value.length() > Limits.SHORT_TEXT) {
            errors.add(new ProblemWriter.FieldError(name, "size must be between 0 and " + Limits.SHORT_TEXT));
        }
    }

    /** As the container decodes it; text it cannot decode is checked as sent. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
