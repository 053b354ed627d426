package org.jiguan.organ.web;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jiguan.organ.api.FileAnnualReport;
import org.jiguan.organ.api.FileIntegrityStatement;
import org.jiguan.organ.api.FilePersonalMattersReport;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.RecordAccountability;
import org.jiguan.organ.api.RecordAssessment;
import org.jiguan.organ.api.RecordFinding;
import org.jiguan.organ.api.ReportRectification;
import org.jiguan.organ.web.OrganRequests.AccountabilityBody;
import org.jiguan.organ.web.OrganRequests.AnnualReportBody;
import org.jiguan.organ.web.OrganRequests.AssessmentBody;
import org.jiguan.organ.web.OrganRequests.FindingBody;
import org.jiguan.organ.web.OrganRequests.YearlyFilingBody;
import org.jiguan.organ.web.OrganRequests.RectificationBody;
import org.jiguan.organ.web.OrganRequests.SpecialReportBody;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.time.BusinessCalendar;
import org.jiguan.platform.web.ClientIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reports to the committee, inspection findings and rectification, assessments and accountability (R-SUP-*). */
@RestController
@RequestMapping("/api/v1/organs/{organId}")
@Tag(name = "Supervision 监督", description = "Annual and special reports, findings, rectification, assessments, "
        + "accountability, integrity statements and personal-matters reports (R-SUP-*)")
public class SupervisionController {
    private final CommandGateway commands;
    private final OrganAccess access;
    private final Clock clock;

    public SupervisionController(CommandGateway commands, OrganAccess access, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.clock = clock;
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/annual-reports")
    @Operation(summary = "File the comprehensive annual work report, or a supplement (R-SUP-1), signed by the "
            + "principal on the filing date or by a delegated or designated leader (R-DOC-1)")
    public ResponseEntity<Map<String, Object>> fileAnnualReport(@PathVariable String organId,
                                                                @Valid @RequestBody AnnualReportBody body) {
        access.organOffice(organId);
        commands.sendAndWait(new FileAnnualReport(organId, body.year(), body.filedOn(), body.documentNo(),
                body.summary(), Boolean.TRUE.equals(body.supplement()), body.signature()));
        return created(organId, "annual-reports/" + body.year(), Map.of("organId", organId, "year", body.year()));
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/special-reports")
    @Operation(summary = "File a special report on a named instruction or decision (R-SUP-3), signed as an annual "
            + "report is (R-DOC-1)")
    public ResponseEntity<Map<String, Object>> fileSpecialReport(@PathVariable String organId,
                                                                 @Valid @RequestBody SpecialReportBody body) {
        access.organOffice(organId);
        String reportId = ClientIds.orNew(body.reportId());
        commands.sendAndWait(new FileSpecialReport(organId, reportId, body.subject(), body.filedOn(),
                body.documentNo(), body.relatesTo(), body.dueOn(), body.signature(), body.requestId()));
        return created(organId, "special-reports/" + reportId, Map.of("organId", organId, "reportId", reportId));
    }

    @Roles(Role.COMMITTEE_OFFICE)
    @PostMapping("/findings")
    @Operation(summary = "Record an inspection finding with its rectification deadline (R-SUP-4)")
    public ResponseEntity<Map<String, Object>> recordFinding(@PathVariable String organId,
                                                             @Valid @RequestBody FindingBody body) {
        access.committeeOffice(organId);
        String findingId = ClientIds.orNew(body.findingId());
        commands.sendAndWait(new RecordFinding(organId, findingId, body.source(), body.description(),
                body.rectifyBy(), body.recordedOn() == null ? BusinessCalendar.today(clock) : body.recordedOn()));
        return created(organId, "findings/" + findingId, Map.of("organId", organId, "findingId", findingId));
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/findings/{findingId}/rectifications")
    @Operation(summary = "Report rectification against a finding (R-SUP-4)")
    public ResponseEntity<Map<String, Object>> reportRectification(@PathVariable String organId,
                                                                   @PathVariable String findingId,
                                                                   @Valid @RequestBody RectificationBody body) {
        access.organOffice(organId);
        commands.sendAndWait(new ReportRectification(organId, findingId, body.reportedOn(), body.description(),
                body.completed()));
        return created(organId, "findings/" + findingId, Map.of("organId", organId, "findingId", findingId));
    }

    @Roles(Role.COMMITTEE_OFFICE)
    @PostMapping("/assessments")
    @Operation(summary = "Record the organization department's assessment result (R-SUP-6)")
    public ResponseEntity<Map<String, Object>> recordAssessment(@PathVariable String organId,
                                                                @Valid @RequestBody AssessmentBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new RecordAssessment(organId, body.year(), body.grade(), body.assessedOn(),
                body.circulation()));
        return created(organId, "assessments/" + body.year(), Map.of("organId", organId, "year", body.year()));
    }

    @Roles(Role.COMMITTEE_OFFICE)
    @PostMapping("/accountability")
    @Operation(summary = "Record an accountability measure against a leadership-body member (R-SUP-7)")
    public ResponseEntity<Map<String, Object>> recordAccountability(@PathVariable String organId,
                                                                    @Valid @RequestBody AccountabilityBody body) {
        access.committeeOffice(organId);
        String measureId = ClientIds.orNew(body.measureId());
        commands.sendAndWait(new RecordAccountability(organId, measureId, body.memberId(), body.measure(),
                body.reason(), body.decidedOn()));
        return created(organId, "accountability/" + measureId, Map.of("organId", organId, "measureId", measureId));
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/integrity-statements")
    @Operation(summary = "File a leader's yearly duty-and-integrity statement (R-SUP-5)")
    public ResponseEntity<Map<String, Object>> fileIntegrityStatement(@PathVariable String organId,
                                                                      @Valid @RequestBody YearlyFilingBody body) {
        access.organOffice(organId);
        commands.sendAndWait(new FileIntegrityStatement(organId, body.memberId(), body.year(), body.filedOn()));
        return created(organId, "integrity-statements/" + body.memberId() + "/" + body.year(),
                Map.of("organId", organId, "memberId", body.memberId(), "year", body.year()));
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/personal-matters-reports")
    @Operation(summary = "File a leader's yearly personal-matters report (个人有关事项报告, R-SUP-5)")
    public ResponseEntity<Map<String, Object>> filePersonalMattersReport(@PathVariable String organId,
                                                                         @Valid @RequestBody
                                                                         YearlyFilingBody body) {
        access.organOffice(organId);
        commands.sendAndWait(new FilePersonalMattersReport(organId, body.memberId(), body.year(), body.filedOn()));
        return created(organId, "personal-matters-reports/" + body.memberId() + "/" + body.year(),
                Map.of("organId", organId, "memberId", body.memberId(), "year", body.year()));
    }

    private static ResponseEntity<Map<String, Object>> created(String organId, String path, Map<String, Object> body) {
        return ResponseEntity.created(URI.create("/api/v1/organs/" + organId + "/" + path)).body(body);
    }
}
