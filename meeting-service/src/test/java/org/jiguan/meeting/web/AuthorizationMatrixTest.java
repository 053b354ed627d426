package org.jiguan.meeting.web;

import java.util.List;
import java.util.Map;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.meeting.messaging.CommitteeParents;
import org.jiguan.platform.testing.AuthorizationMatrix;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CONTRACT.md "Security" over every meeting-service operation: each role with each scope of
 * {@link AuthorizationMatrix#SCOPES} against a meeting and a decision of an organ of a provincial committee, whose
 * place under its central committee the service learns from {@code organ-events}. The roles each operation needs
 * are the table below; an operation of {@code /v3/api-docs} without a row fails.
 */
class AuthorizationMatrixTest extends MeetingServiceTestBase implements AuthorizationMatrix.Service {
    private static final String OPERATIONS = """
            operation                                                      | roles
            POST /api/v1/meetings                                          | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items                        | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items/{itemId}/preparation   | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/opening                      | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items/{itemId}/recusals      | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items/{itemId}/voting        | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items/{itemId}/votes         | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/items/{itemId}/closing       | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/minutes                      | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/minutes/issue                | ORGAN_OFFICE
            POST /api/v1/meetings/{meetingId}/adjournment                  | ORGAN_OFFICE
            POST /api/v1/decisions/{decisionId}/tasks                      | ORGAN_OFFICE
            POST /api/v1/decisions/{decisionId}/tasks/{taskId}/feedback    | ORGAN_OFFICE
            POST /api/v1/decisions/{decisionId}/revocation                 | COMMITTEE_OFFICE
            POST /api/v1/decisions/{decisionId}/committee-report           | ORGAN_OFFICE
            POST /api/v1/decisions/{decisionId}/committee-report/reply     | COMMITTEE_OFFICE
            POST /api/v1/urgent-decisions                                  | ORGAN_OFFICE
            POST /api/v1/urgent-decisions/{decisionId}/report              | ORGAN_OFFICE
            GET /api/v1/dead-letters                                       | ADMIN
            GET /api/v1/dead-letters/{id}                                  | ADMIN
            POST /api/v1/dead-letters/{id}/retry                           | ADMIN
            GET /api/v1/unpublished-events                                 | ADMIN
            POST /api/v1/unpublished-events/{id}/retry                     | ADMIN
            """;

    @Autowired
    private CommitteeParents committeeParents;

    private AuthorizationMatrix.Target target;
    private Organ organ;
    private String meeting;
    private String decision;

    @Override
    public String operationTable() {
        return OPERATIONS;
    }

    @Override
    public AuthorizationMatrix.Target arrangeTarget() {
        String central = uniqueId("central");
        String province = uniqueId("prov");
        ORGAN_EVENTS.committeeRegistered(central, "CENTRAL", null);
        ORGAN_EVENTS.committeeRegistered(province, "PROVINCIAL", central);
        await(() -> committeeParents.parentOf(province).isPresent(), "committee " + province + " in the tree");
        organ = new Organ(province, organWithBody(province, "PRINCIPAL", "DEPUTY", "MEMBER"));
        meeting = affairsMeeting(organ, item("i1", "OTHER"), item("i2", "OTHER"));
        open(organ, meeting, 3, 3);
        decision = adoptUnanimously(organ, meeting, "i2", 3);
        target = new AuthorizationMatrix.Target(province, central, organ.organId(), organWithBody(province));
        return target;
    }

    @Override
    public String path(String operation) {
        return operation.substring(operation.indexOf(' ') + 1)
                .replace("{meetingId}", meeting).replace("{decisionId}", decision).replace("{itemId}", "i1")
                .replace("{taskId}", "t1").replace("{id}", "x");
    }

    @Override
    public Object body(String operation) {
        String path = operation.substring(operation.indexOf(' ') + 1);
        return switch (path.substring(path.lastIndexOf('/') + 1)) {
            case "meetings" -> meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
            case "items" -> item(uniqueId("added"), "OTHER");
            case "preparation" -> Map.of("step", "INVESTIGATION", "completedOn", "2026-11-01", "note", "调研");
            case "opening" -> Map.of("openedAt", OPENED_AT, "present", List.of(organ.member(1)), "absent", List.of());
            case "recusals" -> Map.of("memberId", organ.member(3), "reason", "亲属");
            case "voting" -> Map.of("method", "ORAL");
            case "votes" -> Map.of("memberId", organ.member(1), "choice", "FOR");
            case "closing" -> Map.of("defer", true, "reason", "分歧");
            case "minutes" -> Map.of("recorderId", "recorder", "text", "纪要");
            case "issue" -> Map.of("signedBy", organ.member(1));
            case "adjournment" -> Map.of("at", OPENED_AT);
            case "tasks" -> Map.of("owner", "办公室", "dueOn", "2026-12-31", "description", "落实");
            case "feedback" -> Map.of("reportedOn", "2026-11-20", "done", true);
            case "revocation" -> Map.of("committeeId", target.committee(), "action", "REVOKE", "reason", "不适当",
                    "on", "2026-11-20");
            case "report" -> Map.of("meetingId", meeting);
            case "committee-report" -> Map.of("reportedOn", "2026-11-20", "documentNo", "文3号",
                    "signedBy", organ.member(1));
            case "reply" -> Map.of("kind", "REPLY", "repliedOn", "2026-11-25");
            case "urgent-decisions" -> urgentDecisionBody(organ);
            default -> Map.of();
        };
    }
}
