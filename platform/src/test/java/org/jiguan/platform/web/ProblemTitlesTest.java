package org.jiguan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem titles are the status's reason phrase as the API has always answered it, although Spring Framework 7
 * names 413 and 422 after RFC 9110 ("Content Too Large", "Unprocessable Content").
 */
class ProblemTitlesTest {
    private final ProblemWriter problems = new ProblemWriter(JsonMapper.builder().build());

    @Test
    void a_rule_breach_and_a_body_too_large_keep_their_titles() {
        assertThat(problems.body(HttpStatus.UNPROCESSABLE_CONTENT, "R-ORG-6", "headcount 21 exceeds the staffing "
                + "quota of 20", null))
                .containsEntry("title", "Unprocessable Entity").containsEntry("status", 422);
        assertThat(problems.body(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "over 256 KiB", null))
                .containsEntry("title", "Payload Too Large").containsEntry("status", 413);
        assertThat(problems.body(HttpStatus.NOT_FOUND, "NOT_FOUND", "no organ x", null))
                .containsEntry("title", "Not Found");
    }

    @Test
    void a_413_forwarded_to_the_error_page_is_payload_too_large() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);

        ResponseEntity<Map<String, Object>> answer = new ProblemErrorController(problems).error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody()).containsEntry("code", "PAYLOAD_TOO_LARGE")
                .containsEntry("title", "Payload Too Large").containsEntry("detail", "Payload Too Large");
    }
}
