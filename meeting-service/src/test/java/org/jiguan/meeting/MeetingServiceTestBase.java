package org.jiguan.meeting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.messaging.OrganBodies;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ServiceTestBase;
import org.jiguan.platform.testing.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs meeting-service on a random port against the test JVM's real Kafka broker and MongoDB-compatible server.
 * Organs reach it the way they do in production: as organ-service's CloudEvents on {@code organ-events}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MeetingServiceTestBase extends ServiceTestBase {
    protected static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);
    protected static final OrganEventsFeed ORGAN_EVENTS = new OrganEventsFeed();

    @Autowired
    protected OrganBodies organBodies;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "meeting-service-test");
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

    protected static final String SCHEDULED_AT = "2026-11-10T09:00:00+08:00";
    protected static final String NOTICE_AT = "2026-11-08T09:00:00+08:00";
    protected static final String OPENED_AT = "2026-11-10T09:05:00+08:00";

    /** A committee and its organ with a body of {@code size}: member 1 is the principal, the rest deputies and members. */
    protected Organ organOfSize(int size) {
        String committee = uniqueId("prov");
        String[] roles = new String[size];
        for (int i = 0; i < size; i++) {
            roles[i] = i == 0 ? "PRINCIPAL" : i < 3 ? "DEPUTY" : "MEMBER";
        }
        return new Organ(committee, organWithBody(committee, roles));
    }

    /** An organ known to the service, with its committee and its office's client. */
    public record Organ(String committeeId, String organId) {
        public String member(int n) {
            return MeetingServiceTestBase.member(organId, n);
        }
    }

    protected ApiClient officeOf(Organ organ) {
        return organOffice(organ.committeeId(), organ.organId());
    }

    protected static Map<String, Object> item(String itemId, String category) {
        return Map.of("itemId", itemId, "title", "议题" + itemId, "category", category);
    }

    /** An affairs meeting convened by the principal with two days' notice. */
    protected static Map<String, Object> meetingBody(Organ organ, String kind, List<Map<String, Object>> agenda) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("meetingId", uniqueId("meeting"));
        body.put("organId", organ.organId());
        body.put("kind", kind);
        body.put("convenerId", organ.member(1));
        body.put("convenerBasis", "PRINCIPAL");
        body.put("scheduledAt", SCHEDULED_AT);
        body.put("noticeGivenAt", NOTICE_AT);
        body.put("recorderId", "recorder");
        body.put("agenda", agenda);
        return body;
    }

    /** An urgent decision of the organ's principal. */
    protected static Map<String, Object> urgentDecisionBody(Organ organ) {
        Map<String, Object> urgent = new LinkedHashMap<>();
        urgent.put("organId", organ.organId());
        urgent.put("decidedBy", organ.member(1));
        urgent.put("title", "紧急处置");
        urgent.put("category", "OTHER");
        urgent.put("decidedOn", "2026-11-15");
        urgent.put("reason", "突发事件");
        return urgent;
    }

    protected String convene(Organ organ, Map<String, Object> body) {
        return expectStatus(officeOf(organ).post("/api/v1/meetings", body), 201).body().path("meetingId").asText();
    }

    protected String affairsMeeting(Organ organ, Map<String, Object>... agenda) {
        return convene(organ, meetingBody(organ, "AFFAIRS", List.of(agenda)));
    }

    /** Records the four preparation steps a major item needs (R-MEET-8). */
    protected void prepare(Organ organ, String meetingId, String itemId) {
        for (String step : List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION", "LEGALITY_REVIEW")) {
            expectStatus(officeOf(organ).post(itemPath(meetingId, itemId, "preparation"), Map.of("step", step,
                    "completedOn", "2026-11-05", "note", "已完成")), 200);
        }
    }

    /** Opens the meeting with members 1..present present and the others of the body absent. */
    protected void open(Organ organ, String meetingId, int present, int bodySize) {
        List<String> here = new ArrayList<>();
        List<Map<String, Object>> away = new ArrayList<>();
        for (int n = 1; n <= bodySize; n++) {
            if (n <= present) {
                here.add(organ.member(n));
            } else {
                away.add(Map.of("memberId", organ.member(n)));
            }
        }
        expectStatus(officeOf(organ).post("/api/v1/meetings/" + meetingId + "/opening", Map.of("openedAt", OPENED_AT,
                "present", here, "absent", away)), 200);
    }

    /** Puts the item to the vote by {@code method}. */
    protected void openVoting(Organ organ, String meetingId, String itemId, String method) {
        expectStatus(officeOf(organ).post(itemPath(meetingId, itemId, "voting"), Map.of("method", method)), 200);
    }

    /** Members 1, 2, … vote the given choices, in that order. */
    protected void votes(Organ organ, String meetingId, String itemId, String... choices) {
        ApiClient office = officeOf(organ);
        for (int n = 1; n <= choices.length; n++) {
            expectStatus(office.post(itemPath(meetingId, itemId, "votes"), Map.of("memberId", organ.member(n),
                    "choice", choices[n - 1])), 200);
        }
    }

    /** Closes the item with the given closing body; the answer names its outcome and decision. */
    protected JsonNode closeItem(Organ organ, String meetingId, String itemId, Map<String, Object> closing) {
        return expectStatus(officeOf(organ).post(itemPath(meetingId, itemId, "closing"), closing), 200).body();
    }

    /** Puts the item to a show of hands, members 1..{@code voters} vote FOR, and closes it; the decision's id. */
    protected String adoptUnanimously(Organ organ, String meetingId, String itemId, int voters) {
        openVoting(organ, meetingId, itemId, "SHOW_OF_HANDS");
        votes(organ, meetingId, itemId, Collections.nCopies(voters, "FOR").toArray(String[]::new));
        return closeItem(organ, meetingId, itemId, Map.of()).path("decisionId").asText();
    }

    protected static String itemPath(String meetingId, String itemId, String act) {
        return "/api/v1/meetings/" + meetingId + "/items/" + itemId + "/" + act;
    }
}
