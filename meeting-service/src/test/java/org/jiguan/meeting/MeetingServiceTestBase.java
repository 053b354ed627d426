package org.jiguan.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.jiguan.meeting.messaging.OrganBodies;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs meeting-service on a random port against the test JVM's real Kafka broker and MongoDB-compatible server.
 * Organs reach it the way they do in production: as organ-service's CloudEvents on {@code organ-events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MeetingServiceTestBase {
    protected static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);
    protected static final OrganEventsFeed ORGAN_EVENTS = new OrganEventsFeed();

    @LocalServerPort
    protected int port;

    @Autowired
    protected OrganBodies organBodies;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("jiguan.mongodb.uri", TestInfrastructure::mongoUri);
        registry.add("jiguan.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrap);
        registry.add("jiguan.mongodb.database", () -> "meeting-service-test");
        registry.add("jiguan.security.jwt-secret", () -> TestInfrastructure.JWT_SECRET);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected ApiClient admin() {
        return ApiClient.admin(baseUrl());
    }

    protected ApiClient organOffice(String committee, String... organs) {
        return ApiClient.as(baseUrl(), List.of("ORGAN_OFFICE"), List.of(committee), List.of(organs));
    }

    protected ApiClient committeeOffice(String... committees) {
        return ApiClient.as(baseUrl(), List.of("COMMITTEE_OFFICE"), List.of(committees), List.of());
    }

    protected static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An organ of {@code committeeId} with the given body, all since its establishment, known to the service. */
    protected String organWithBody(String committeeId, String... roles) {
        String organId = uniqueId("organ");
        ORGAN_EVENTS.organCreated(committeeId, organId, "机关" + organId, ESTABLISHED);
        for (int i = 0; i < roles.length; i++) {
            ORGAN_EVENTS.leaderAppointed(organId, member(organId, i + 1), "成员" + (i + 1), roles[i], ESTABLISHED,
                    false);
        }
        awaitView(organId, roles.length);
        return organId;
    }

    /** The member id {@link #organWithBody} gave the n-th member (1-based). */
    protected static String member(String organId, int n) {
        return organId + "-m" + n;
    }

    /** Waits until the view has applied the organ's events up to {@code sequence}. */
    protected void awaitView(String organId, long sequence) {
        await(() -> organBodies.appliedSequence(organId) >= sequence, "organ " + organId + " #" + sequence + " in the view");
    }

    protected static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    protected static ApiClient.Response expectStatus(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }
}
