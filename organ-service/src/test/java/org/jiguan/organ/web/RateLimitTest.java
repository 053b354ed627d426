package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ProblemAssertions;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * CONTRACT.md "Rate limit" over HTTP, with a budget of three requests refilled at one a second: a caller sending
 * faster soon gets {@code 429 RATE_LIMITED} with {@code Retry-After}; another caller goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTest {
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerStores(registry, "organ-service-rate-limit-test");
        registry.add("jiguan.web.rate-limit.burst", () -> "3");
        registry.add("jiguan.web.rate-limit.per-second", () -> "1");
    }

    @Test
    void a_caller_past_its_budget_is_429_with_retry_after_and_another_caller_is_not() {
        String base = "http://127.0.0.1:" + port;
        ApiClient runaway = ApiClient.as(base, List.of("ADMIN"), List.of("*"), List.of());
        Map<String, Object> central = Map.of("name", "党中央", "level", "CENTRAL", "organQuota", 3);
        List<ApiClient.Response> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && answers.stream().noneMatch(r -> r.status() == 429); i++) {
            answers.add(runaway.post("/api/v1/committees", central));
        }
        assertThat(answers.subList(0, 3)).allMatch(r -> r.status() == 201);
        ApiClient.Response refused = answers.get(answers.size() - 1);
        ProblemAssertions.assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.retryAfter()).isEqualTo("1");

        ApiClient other = ApiClient.as(base, List.of("COMMITTEE_OFFICE"), List.of("*"), List.of());
        assertThat(other.post("/api/v1/committees", central).status()).as("another caller").isNotEqualTo(429);
    }
}
