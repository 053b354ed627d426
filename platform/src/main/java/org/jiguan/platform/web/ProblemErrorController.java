package org.jiguan.platform.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Not part of the API, so left out of the OpenAPI document. Errors raised before a controller is reached (the
 * servlet container, the security firewall) are forwarded to
 * {@code /error}; they get the same problem+json body as everything else instead of Spring Boot's own format.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {
    private final ProblemWriter problems;

    public ProblemErrorController(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Called directly: there is no such resource, only the container's error path.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(ProblemWriter.PROBLEM_JSON).body(
                    problems.body(HttpStatus.NOT_FOUND, "NOT_FOUND", "No resource at " + request.getRequestURI(), null));
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        return ResponseEntity.status(status).contentType(ProblemWriter.PROBLEM_JSON)
                .body(problems.body(status, ProblemWriter.codeFor(status), ProblemWriter.title(status), null));
    }
}
