package org.jiguan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletInputStream;
import org.jiguan.platform.local.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/**
 * CONTRACT.md "Idempotency-Key" against the real store (the embedded MongoDB-compatible server): the filter with a
 * counting handler behind it, standing for the controller that would store the command.
 */
class IdempotencyFilterTest {
    private static final Duration TAKEOVER_AFTER = Duration.ofMillis(600);

    @TempDir
    static Path data;
    private static EmbeddedMongo mongo;
    private static MongoClient client;

    private final AtomicInteger executions = new AtomicInteger();
    private final IdempotencyFilter filter = filter();

    @BeforeAll
    static void startStore() {
        mongo = EmbeddedMongo.start(data, 0);
        client = MongoClients.create(mongo.uri());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        mongo.close();
    }

    private IdempotencyFilter filter() {
        MongoDatabase database = client.getDatabase("keys-" + System.nanoTime());
        return new IdempotencyFilter(new IdempotencyKeys(database, Clock.systemUTC(), TAKEOVER_AFTER),
                new ProblemWriter(JsonMapper.builder().build()), 1024);
    }

    @Test
    void a_request_stalled_past_the_takeover_time_is_not_run_a_second_time() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FilterChain slowCommand = (req, res) -> {
            executions.incrementAndGet();
            running.countDown();
            await(release);
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(201);
            res.getWriter().write("{\"organId\":\"o1\"}");
        };
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(
                () -> send("official", "key-1", "{\"name\":\"a\"}", slowCommand));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(TAKEOVER_AFTER.multipliedBy(3).toMillis());

        MockHttpServletResponse retry = send("official", "key-1", "{\"name\":\"a\"}", slowCommand);
        assertThat(retry.getStatus()).as("still running: not taken over").isEqualTo(409);
        assertThat(executions).hasValue(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
        MockHttpServletResponse replay = send("official", "key-1", "{\"name\":\"a\"}", slowCommand);
        assertThat(replay.getStatus()).isEqualTo(201);
        assertThat(replay.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.getContentAsString()).isEqualTo("{\"organId\":\"o1\"}");
        assertThat(executions).as("the command ran once").hasValue(1);
    }

    @Test
    void a_claim_abandoned_by_a_request_that_died_is_taken_over() throws Exception {
        MongoDatabase database = client.getDatabase("keys-" + System.nanoTime());
        IdempotencyKeys keys = new IdempotencyKeys(database, Clock.systemUTC(), TAKEOVER_AFTER);
        String id = IdempotencyKeys.idOf("official", "key-2");
        assertThat(keys.claim(id, "fingerprint")).isInstanceOf(IdempotencyKeys.Claimed.class);
        assertThat(keys.claim(id, "fingerprint")).as("renewed a moment ago").isInstanceOf(IdempotencyKeys.Found.class);
        Thread.sleep(TAKEOVER_AFTER.multipliedBy(2).toMillis());
        assertThat(keys.claim(id, "fingerprint")).as("never renewed").isInstanceOf(IdempotencyKeys.Claimed.class);
    }

    @Test
    void a_retryable_answer_is_not_kept_and_the_retry_with_the_key_is_carried_out() {
        for (int retryable : List.of(409, 429, 503)) {
            AtomicInteger calls = new AtomicInteger();
            FilterChain notYet = (req, res) -> ((jakarta.servlet.http.HttpServletResponse) res)
                    .setStatus(calls.incrementAndGet() == 1 ? retryable : 200);
            String key = "retry-" + retryable;
            assertThat(send("official", key, "{}", notYet).getStatus()).isEqualTo(retryable);
            MockHttpServletResponse retry = send("official", key, "{}", notYet);
            assertThat(retry.getStatus()).as("retry after %s", retryable).isEqualTo(200);
            assertThat(retry.getHeader("Idempotent-Replayed")).isNull();
            assertThat(send("official", key, "{}", notYet).getHeader("Idempotent-Replayed")).isEqualTo("true");
            assertThat(calls).hasValue(2);
        }
    }

    @Test
    void a_final_refusal_is_kept_and_replayed() {
        FilterChain refused = (req, res) -> {
            executions.incrementAndGet();
            ((jakarta.servlet.http.HttpServletResponse) res).setStatus(422);
        };
        assertThat(send("official", "refused", "{}", refused).getStatus()).isEqualTo(422);
        assertThat(send("official", "refused", "{}", refused).getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(executions).hasValue(1);
    }

    @Test
    void keys_are_per_caller_even_when_a_subject_contains_the_old_separator() {
        FilterChain command = (req, res) -> executions.incrementAndGet();
        // Stored as "sub|key" before: "a|b" + "c" and "a" + "b|c" were the same key.
        send("a|b", "c", "{}", command);
        MockHttpServletResponse other = send("a", "b|c", "{}", command);
        assertThat(other.getHeader("Idempotent-Replayed")).isNull();
        assertThat(executions).hasValue(2);
        assertThat(IdempotencyKeys.idOf("a|b", "c")).isNotEqualTo(IdempotencyKeys.idOf("a", "b|c"));
        assertThat(IdempotencyKeys.idOf("ab", "c")).isNotEqualTo(IdempotencyKeys.idOf("a", "bc"));
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        FilterChain command = (req, res) -> executions.incrementAndGet();
        send("official", "k", "{\"a\":1}", command);
        assertThat(send("official", "k", "{\"a\":2}", command).getStatus()).isEqualTo(422);
        assertThat(executions).hasValue(1);
    }

    @Test
    void a_body_over_the_limit_is_refused_before_it_is_read_whole() {
        FilterChain command = (req, res) -> executions.incrementAndGet();
        AtomicInteger served = new AtomicInteger();
        // A body that never ends, without a Content-Length: only a bounded read finishes.
        MockHttpServletRequest endless = new MockHttpServletRequest("POST", "/api/v1/organs") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(jakarta.servlet.ReadListener listener) {
                    }

                    @Override
                    public int read() {
                        served.incrementAndGet();
                        return 'x';
                    }
                };
            }
        };
        endless.addHeader(IdempotencyFilter.HEADER, "big");
        assertThatThrownBy(() -> filter.doFilter(endless, new MockHttpServletResponse(), command))
                .isInstanceOf(BodySizeLimitFilter.TooLarge.class);
        assertThat(served.get()).as("bytes read of a 1 KiB limit").isLessThanOrEqualTo(1025 + 8192);
        assertThat(executions).hasValue(0);
    }

    private MockHttpServletResponse send(String caller, String key, String body, FilterChain chain) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                caller, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request(caller, key, body), response, chain);
            return response;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static MockHttpServletRequest request(String caller, String key, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/organs");
        request.addHeader(IdempotencyFilter.HEADER, key);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
