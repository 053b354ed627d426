package org.jiguan.meeting.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jiguan.meeting.api.AssignDecisionTask;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.RecordCommitteeReply;
import org.jiguan.meeting.api.ReportDecisionToCommittee;
import org.jiguan.meeting.api.ReportTaskFeedback;
import org.jiguan.meeting.api.ReportUrgentDecision;
import org.jiguan.meeting.api.RevokeDecision;
import org.jiguan.meeting.api.TakeUrgentDecision;
import org.jiguan.meeting.messaging.OrganAffairsMeetings;
import org.jiguan.meeting.web.MeetingRequests.CommitteeReplyBody;
import org.jiguan.meeting.web.MeetingRequests.CommitteeReportBody;
import org.jiguan.meeting.web.MeetingRequests.FeedbackBody;
import org.jiguan.meeting.web.MeetingRequests.RevocationBody;
import org.jiguan.meeting.web.MeetingRequests.TaskBody;
import org.jiguan.meeting.web.MeetingRequests.UrgentDecisionBody;
import org.jiguan.meeting.web.MeetingRequests.UrgentReportBody;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.web.ClientIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Decisions after they are taken: tasks, revocation by the committee, urgent decisions (R-MEET-12 to R-MEET-14) and
 * reports to the committee (R-DEC-1).
 */
@Roles(Role.ORGAN_OFFICE)
@RestController
@Tag(name = "Decisions 决策", description = "Implementation tasks and feedback, revocation or change by the "
        + "committee, urgent decisions and their report to the next affairs meeting (R-MEET-12 to R-MEET-14), "
        + "reports to the party committee and its reply (R-DEC-1, R-DOC-1)")
public class DecisionController {
    private final CommandGateway commands;
    private final MeetingAccess access;
    private final OrganAffairsMeetings affairsMeetings;

    public DecisionController(CommandGateway commands, MeetingAccess access, OrganAffairsMeetings affairsMeetings) {
        this.commands = commands;
        this.access = access;
        this.affairsMeetings = affairsMeetings;
    }

    @PostMapping("/api/v1/decisions/{decisionId}/tasks")
    @Operation(summary = "Assign an implementation task on a decision in force (R-MEET-12)")
    public ResponseEntity<Map<String, Object>> assignTask(@PathVariable String decisionId,
                                                          @Valid @RequestBody TaskBody body) {
        access.decisionOffice(decisionId);
        String taskId = ClientIds.orNew(body.taskId());
        commands.sendAndWait(new AssignDecisionTask(decisionId, taskId, body.owner(), body.dueOn(),
                body.description()));
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decisionId + "/tasks/" + taskId))
                .body(Map.of("decisionId", decisionId, "taskId", taskId));
    }

    @PostMapping("/api/v1/decisions/{decisionId}/tasks/{taskId}/feedback")
    @Operation(summary = "Report progress or completion of a task (R-MEET-12)")
    public Map<String, Object> feedback(@PathVariable String decisionId, @PathVariable String taskId,
                                        @Valid @RequestBody FeedbackBody body) {
        access.decisionOffice(decisionId);
        commands.sendAndWait(new ReportTaskFeedback(decisionId, taskId, body.reportedOn(), body.done(), body.note()));
        return Map.of("decisionId", decisionId, "taskId", taskId, "done", body.done());
    }

    @Roles(Role.COMMITTEE_OFFICE)
    @PostMapping("/api/v1/decisions/{decisionId}/revocation")
    @Operation(summary = "The party committee revokes or changes an organ's improper decision (R-MEET-13)")
    public Map<String, Object> revoke(@PathVariable String decisionId, @Valid @RequestBody RevocationBody body) {
        access.committeeOfficeOverDecision(decisionId);
        commands.sendAndWait(new RevokeDecision(decisionId, body.committeeId(), body.action(), body.reason(),
                body.on()));
        return Map.of("decisionId", decisionId, "action", body.action());
    }

    @PostMapping("/api/v1/decisions/{decisionId}/committee-report")
    @Operation(summary = "Report a major or urgent decision to the organ's party committee, signed by the principal "
            + "or a delegated or designated leader (请示报告, R-DEC-1, R-DOC-1)")
    public Map<String, Object> reportToCommittee(@PathVariable String decisionId,
                                                 @Valid @RequestBody CommitteeReportBody body) {
        String organId = access.decisionOffice(decisionId);
        OrganOnDate organ = access.organOn(organId, body.reportedOn());
        ConvenerBasis basis = body.signingBasis() == null ? ConvenerBasis.PRINCIPAL : body.signingBasis();
        commands.sendAndWait(new ReportDecisionToCommittee(decisionId, organ, body.reportedOn(), body.documentNo(),
                body.signedBy(), basis, body.mandate() == null ? null : body.mandate().toMandate()));
        return Map.of("decisionId", decisionId, "reportedOn", body.reportedOn(), "signedBy", body.signedBy(),
                "status", "REPORTED");
    }

    @Roles(Role.COMMITTEE_OFFICE)
    @PostMapping("/api/v1/decisions/{decisionId}/committee-report/reply")
    @Operation(summary = "The committee's office records its reply (批复) to, or acknowledgement of, a decision's "
            + "report (R-DEC-1)")
    public Map<String, Object> committeeReply(@PathVariable String decisionId,
                                              @Valid @RequestBody CommitteeReplyBody body) {
        access.committeeOfficeOverDecision(decisionId);
        commands.sendAndWait(new RecordCommitteeReply(decisionId, body.kind(), body.repliedOn(), body.documentNo(),
                body.note()));
        return Map.of("decisionId", decisionId, "kind", body.kind(), "repliedOn", body.repliedOn());
    }

    @PostMapping("/api/v1/urgent-decisions")
    @Operation(summary = "The principal decides alone when no meeting can be convened in time (R-MEET-14)")
    public ResponseEntity<Map<String, Object>> takeUrgentDecision(@Valid @RequestBody UrgentDecisionBody body) {
        OrganOnDate organ = access.organOfficeFor(body.organId(), body.decidedOn());
        String decisionId = ClientIds.orNew(body.decisionId());
        commands.sendAndWait(new TakeUrgentDecision(decisionId, organ, body.decidedBy(), body.title(),
                body.category(), body.decidedOn(), body.reason()));
        return ResponseEntity.created(URI.create("/api/v1/decisions/" + decisionId))
                .body(Map.of("decisionId", decisionId, "status", "PENDING_REPORT"));
    }

    @PostMapping("/api/v1/urgent-decisions/{decisionId}/report")
    @Operation(summary = "Report an urgent decision to the next affairs meeting (R-MEET-14)")
    public Map<String, Object> reportUrgentDecision(@PathVariable String decisionId,
                                                    @Valid @RequestBody UrgentReportBody body) {
        String organId = access.decisionOffice(decisionId);
        commands.sendAndWait(new ReportUrgentDecision(decisionId, body.meetingId(),
                affairsMeetings.openedOf(organId)));
        return Map.of("decisionId", decisionId, "meetingId", body.meetingId(), "status", "REPORTED");
    }
}
