package org.jiguan.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem+json bodies with the {@code code} member of CONTRACT.md: the rule id for a rule
 * breach, otherwise VALIDATION, NOT_FOUND, CONFLICT, UNAUTHENTICATED, FORBIDDEN or UNAVAILABLE. Written with the
 * HTTP side's Jackson 3 mapper, like every other response body.
 */
@Component
public class ProblemWriter {
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final JsonMapper objectMapper;

    public ProblemWriter(JsonMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Map<String, Object> body(HttpStatus status, String code, String detail, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:jiguan:problem:" + code);
        body.put("title", title(status));
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("code", code);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        return body;
    }

    /**
     * The status's reason phrase, except for the two that RFC 9110 renamed and Spring Framework 7 follows: the API
     * goes on answering 413 "Payload Too Large" and 422 "Unprocessable Entity", as CONTRACT.md's examples show.
     */
    public static String title(HttpStatus status) {
        return switch (status.value()) {
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            default -> status.getReasonPhrase();
        };
    }

    /** The {@code code} of an answer that has only a status: one the servlet container or a filter gave. */
    public static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "CONFLICT";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> status.is4xxClientError() ? "VALIDATION" : "INTERNAL";
        };
    }

    /** The body as JSON text, for the servlet container's own error reports ({@link ProblemReportValve}). */
    public String json(HttpStatus status, String code, String detail) {
        return objectMapper.writeValueAsString(body(status, code, detail, null));
    }

    /** For filters and security handlers that answer before a controller is reached. */
    public void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        objectMapper.writeValue(response.getOutputStream(), body(status, code, detail, null));
    }

    public record FieldError(String field, String message) {
    }
}
