package org.jiguan.oversight;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ServiceTestBase;
import org.jiguan.platform.testing.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs oversight-service on a random port against the test JVM's real Kafka broker and MongoDB-compatible server.
 * Subclasses share one application context; each test feeds its own committees and organs with fresh ids.
 * The business clock is a {@link MutableClock} (the system's time unless a test sets a day), and the reminder
 * timer is off: tests run the {@code ReminderScheduler} themselves, on the days they choose.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(OversightServiceTestBase.TestClockConfiguration.class)
public abstract class OversightServiceTestBase extends ServiceTestBase {
    /** One producer for the JVM: every test class shares the same topics and broker. */
    protected static final EventsFeed FEED = new EventsFeed();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "oversight-service-test");
        registry.add("jiguan.reminders.enabled", () -> "false");
    }

    @TestConfiguration
    static class TestClockConfiguration {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    protected ApiClient viewer(String... committees) {
        return ApiClient.as(baseUrl(), List.of("OVERSIGHT_VIEWER"), List.of(committees), List.of());
    }

    /** Polls a GET as admin until the answer satisfies {@code done}; fails with the last answer after 30 s. */
    protected ApiClient.Response awaitGet(String path, Predicate<ApiClient.Response> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        ApiClient.Response last;
        do {
            last = admin().get(path);
            if (done.test(last)) {
                return last;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("gave up waiting on " + path + "; last answer " + last);
    }

    /** Waits until oversight holds {@code events} events of an organ. */
    protected void awaitOrganEvents(String organId, int events) {
        awaitGet("/api/v1/organs/" + organId + "/history?size=1",
                r -> r.status() == 200 && r.body().path("total").asInt() >= events);
    }

    protected void awaitMeetingEvents(String meetingId, int events) {
        awaitGet("/api/v1/meetings/" + meetingId + "/history?size=1",
                r -> r.status() == 200 && r.body().path("total").asInt() >= events);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
