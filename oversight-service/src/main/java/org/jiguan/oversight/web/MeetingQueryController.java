package org.jiguan.oversight.web;

import static org.jiguan.oversight.web.OrganQueryController.AS_OF;
import static org.jiguan.oversight.web.OrganQueryController.KNOWN_AT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.CommitteeReportStatus;
import org.jiguan.oversight.domain.views.DecisionStatus;
import org.jiguan.oversight.domain.views.DecisionView;
import org.jiguan.oversight.domain.views.MeetingView;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.web.Limits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings, their histories, and decisions with their implementation (R-MEET-*). */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@Tag(name = "Meetings and decisions 会议与决策", description = "Meetings and decisions as of a date")
public class MeetingQueryController {
    private final OversightReads reads;

    public MeetingQueryController(OversightReads reads) {
        this.reads = reads;
    }

    /** Decisions of the query. */
    public record Decisions(LocalDate asOf, Instant knownAt, List<DecisionView> items) {
    }

    @GetMapping("/api/v1/meetings/{meetingId}")
    @Operation(summary = "A meeting as of a date: agenda items with status and outcome counts, attendance, minutes")
    public MeetingView meeting(@PathVariable String meetingId,
                               @Parameter(description = AS_OF) @RequestParam(required = false)
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        return reads.meeting(meetingId, reads.slice(asOf, knownAt));
    }

    @GetMapping("/api/v1/meetings/{meetingId}/history")
    @Operation(summary = "Every event of the meeting, oldest first (by sequence), paged (page 0-based)")
    public Page<HistoryEntry> history(@PathVariable String meetingId,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.PAGE) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return reads.history(AggregateKind.MEETING, meetingId, page, size);
    }

    @GetMapping("/api/v1/decisions")
    @Operation(summary = "Decisions as of a date with status (IN_FORCE, PENDING_REPORT, REPORT_OVERDUE, REVOKED, "
            + "CHANGED, RECONSIDERED), tasks with overdue flags (R-MEET-12…14) and the report to the committee "
            + "(committeeReport: PENDING, OVERDUE after the committee's deadline, REPORTED; R-DEC-1)")
    public Decisions decisions(@RequestParam(required = false) String organId,
                               @RequestParam(required = false) String committeeId,
                               @RequestParam(required = false) DecisionStatus status,
                               @Parameter(description = "The report to the committee: PENDING, OVERDUE, REPORTED or "
                                       + "NOT_REQUIRED (R-DEC-1)")
                               @RequestParam(required = false) CommitteeReportStatus reportStatus,
                               @Parameter(description = AS_OF) @RequestParam(required = false)
                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        var slice = reads.slice(asOf, knownAt);
        return new Decisions(slice.asOf(), knownAt, reads.decisions(organId, committeeId, status, reportStatus,
                slice));
    }
}
