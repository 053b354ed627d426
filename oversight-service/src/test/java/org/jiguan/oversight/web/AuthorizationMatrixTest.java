package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.AuthorizationMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CONTRACT.md "Security" over every oversight-service operation: each role with each scope of
 * {@link AuthorizationMatrix#SCOPES} against an organ, its finding, meeting and decision, of a provincial committee
 * whose place under its central committee oversight learns from {@code organ-events}. Reads are open to every role
 * within its scope: a single resource outside it is 403, a list leaves its rows out. The table below states each
 * operation; an operation of {@code /v3/api-docs} without a row fails.
 */
class AuthorizationMatrixTest extends OversightServiceTestBase implements AuthorizationMatrix.Service {
    private static final String READERS = "COMMITTEE_OFFICE, ORGAN_OFFICE, OVERSIGHT_VIEWER";
    private static final String OPERATIONS = """
            operation                                          | roles   | answer
            GET /api/v1/organs                                 | READERS | list
            GET /api/v1/organs/{organId}                       | READERS | one
            GET /api/v1/organs/{organId}/history               | READERS | one
            GET /api/v1/meetings/{meetingId}                   | READERS | one
            GET /api/v1/meetings/{meetingId}/history           | READERS | one
            GET /api/v1/decisions                              | READERS | list
            GET /api/v1/findings                               | READERS | list
            GET /api/v1/annual-reports                         | READERS | list
            GET /api/v1/reminders                              | READERS | list, none here
            GET /api/v1/special-report-requests                | READERS | list, none here
            GET /api/v1/leader-filings                         | READERS | list, none here
            GET /api/v1/committees                             | READERS | list, none here
            GET /api/v1/refusals                               | READERS | list, none here
            GET /api/v1/committees/{committeeId}/dashboard     | READERS | list
            GET /api/v1/committees/{committeeId}/annual-report-trend | READERS | list
            GET /api/v1/dead-letters                           | ADMIN   | one
            GET /api/v1/dead-letters/{id}                      | ADMIN   | one
            POST /api/v1/dead-letters/{id}/retry               | ADMIN   | one
            GET /api/v1/unpublished-events                     | ADMIN   | one
            POST /api/v1/unpublished-events/{id}/retry         | ADMIN   | one
            GET /api/v1/admin/rebuild                          | ADMIN   | one
            POST /api/v1/admin/rebuild                         | ADMIN   | one
            """.replace("READERS", READERS);

    @Autowired
    private CommitteeParents committeeParents;

    private AuthorizationMatrix.Target target;
    private String meeting;

    @BeforeEach
    void organsOfAProvinceUnderItsCentralCommittee() {
        String central = uniqueId("central");
        String province = uniqueId("prov");
        FEED.committeeRegistered(central, "党中央", "CENTRAL", null, 30);
        FEED.committeeRegistered(province, "中共某省委", "PROVINCIAL", central, 30);
        String organ = uniqueId("organ");
        String other = uniqueId("organ");
        meeting = uniqueId("meeting");
        for (String o : List.of(organ, other)) {
            FEED.organCreated(province, o, "机关" + o, LocalDate.of(2024, 3, 1));
            FEED.findingRecorded(o, "f-" + o, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 9, 1));
        }
        // Of the two, only the target files its 2024 report: the trend shows it filed on time when it sees the target.
        FEED.annualReportFiled(organ, 2024, LocalDate.of(2025, 1, 10), false);
        Instant scheduled = Instant.parse("2025-05-06T01:00:00Z");
        FEED.meetingConvened(province, organ, meeting, scheduled, "i1");
        FEED.decisionTaken(province, organ, uniqueId("decision"), meeting, "i1", LocalDate.of(2025, 5, 6));
        awaitOrganEvents(organ, 3);
        awaitOrganEvents(other, 2);
        awaitMeetingEvents(meeting, 1);
        awaitGet("/api/v1/decisions?organId=" + organ, r -> r.status() == 200 && r.raw().contains(organ));
        awaitGet("/api/v1/committees/" + province + "/dashboard", r -> r.status() == 200);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (committeeParents.parentOf(province).isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        target = new AuthorizationMatrix.Target(province, central, organ, other);
    }

    @Override
    public String operationTable() {
        return OPERATIONS;
    }

    @Override
    public AuthorizationMatrix.Target arrangeTarget() {
        return target;
    }

    /** ADMIN's cell of {@code POST /api/v1/admin/rebuild} starts a rebuild: it is left finished for the next test. */
    @AfterEach
    void noRebuildLeftRunning() {
        awaitGet("/api/v1/admin/rebuild", r -> r.status() == 200 && !r.body().path("state").asText().equals("RUNNING"));
    }

    @Test
    void a_scope_from_above_lists_the_committees_below_and_nothing_else() {
        ApiClient fromAbove = viewer(target.parent() + "/**");
        JsonNode organs = expectStatus(fromAbove.get("/api/v1/organs?size=200"), 200).body().path("items");
        assertThat(organs.findValuesAsText("organId")).containsExactlyInAnyOrder(target.organ(), target.otherOrgan());
        assertThat(expectStatus(viewer(target.parent()).get("/api/v1/organs?size=200"), 200).body().path("items"))
                .as("the parent alone does not reach its children").isEmpty();
    }

    @Override
    public String path(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1)
                .replace("{organId}", target.organ()).replace("{meetingId}", meeting)
                .replace("{committeeId}", target.committee()).replace("{id}", "x");
        return switch (path) {
            case "/api/v1/annual-reports" -> path + "?year=2024&committeeId=" + target.committee();
            case "/api/v1/organs" -> path + "?size=200&committeeId=" + target.committee();
            case "/api/v1/decisions", "/api/v1/findings", "/api/v1/reminders", "/api/v1/special-report-requests",
                 "/api/v1/leader-filings", "/api/v1/refusals" -> path + "?committeeId=" + target.committee();
            // Rows are committees, not organs (no organ id to show): its scoping is OversightQueriesTest's.
            case "/api/v1/committees" -> path + "?parentId=" + target.parent();
            default -> path.endsWith("/annual-report-trend") ? path + "?asOf=2025-06-30" : path;
        };
    }

    @Override
    public Object body(String operation) {
        return java.util.Map.of();
    }

    /**
     * The dashboard counts rather than lists: of the committee's organs only the target has a meeting; and the trend
     * only shows a report filed on time for 2024 (the last of its years as of 2025-06-30) when it sees the target.
     */
    @Override
    public boolean shows(String operation, ApiClient.Response answer, AuthorizationMatrix.Target target) {
        if (operation.endsWith("/annual-report-trend")) {
            return answer.body().path("years").path(4).path("onTime").asInt() > 0;
        }
        return operation.endsWith("/dashboard") ? answer.body().path("meetings").path("convened").asInt() > 0
                : AuthorizationMatrix.Service.super.shows(operation, answer, target);
    }

    /**
     * The same operations once more with {@code rollUp=true} (the dashboard summed over the committees below it)
     * and the trend rolled up: every role and scope gets the contract's answer there too.
     */
    @Test
    void the_roll_ups_get_the_contracts_answer_for_every_role_and_scope() {
        String table = """
                operation                                                | roles   | answer
                GET /api/v1/committees/{committeeId}/dashboard           | READERS | list
                GET /api/v1/committees/{committeeId}/annual-report-trend | READERS | list
                """.replace("READERS", READERS);
        AuthorizationMatrixTest plain = this;
        AuthorizationMatrix.Service rolledUp = new AuthorizationMatrix.Service() {
            @Override
            public String baseUrl() {
                return plain.baseUrl();
            }

            @Override
            public String operationTable() {
                return table;
            }

            @Override
            public AuthorizationMatrix.Target arrangeTarget() {
                return target;
            }

            @Override
            public String path(String operation) {
                String path = plain.path(operation);
                return path + (path.contains("?") ? "&" : "?") + "rollUp=true";
            }

            @Override
            public Object body(String operation) {
                return plain.body(operation);
            }

            @Override
            public boolean shows(String operation, ApiClient.Response answer, AuthorizationMatrix.Target target) {
                return plain.shows(operation, answer, target);
            }
        };
        assertThat(AuthorizationMatrix.check(rolledUp, AuthorizationMatrix.operations(table), target)).isEmpty();
    }
}
