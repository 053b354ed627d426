package org.jiguan.platform.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before a controller is reached (the servlet container, the security firewall) are forwarded to
 * {@code /error}; they get the same problem+json body as everything else instead of Spring Boot's own format.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(status, codeFor(status), ProblemWriter.title(status), null));
    }

    private static String codeFor(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "UNAUTHENTICATED";
            case FORBIDDEN -> "FORBIDDEN";
            case NOT_FOUND -> "NOT_FOUND";
            case CONFLICT -> "CONFLICT";
            case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
            case SERVICE_UNAVAILABLE -> "UNAVAILABLE";
            default -> status.is4xxClientError() ? "VALIDATION" : "INTERNAL";
        };
    }
}
