package org.jiguan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CONTRACT.md "Rate limit": a caller past its budget is 429 RATE_LIMITED with Retry-After; others go on. */
class CallerRateLimitTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CallerRateLimit limit = new CallerRateLimit(3, 1, new ProblemWriter(JSON));

    @AfterEach
    void forgetCaller() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_caller_past_its_burst_is_429_with_retry_after_and_another_caller_is_not() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send("runaway").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = send("runaway");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        JsonNode problem = JSON.readTree(refused.getContentAsByteArray());
        assertThat(problem.path("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(problem.path("status").asInt()).isEqualTo(429);

        assertThat(send("someone-else").getStatus()).as("buckets are per caller").isEqualTo(200);
    }

    @Test
    void the_budget_refills_over_time() throws Exception {
        for (int i = 0; i < 3; i++) {
            send("steady");
        }
        assertThat(send("steady").getStatus()).isEqualTo(429);
        Thread.sleep(1_100);
        assertThat(send("steady").getStatus()).isEqualTo(200);
    }

    @Test
    void a_request_without_a_caller_is_left_to_spring_security() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        for (int i = 0; i < 5; i++) {
            limit.doFilter(new MockHttpServletRequest("POST", "/api/v1/organs"), response, new MockFilterChain());
        }
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse send(String subject) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                subject, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("POST", "/api/v1/organs"), response, new MockFilterChain());
        return response;
    }
}
