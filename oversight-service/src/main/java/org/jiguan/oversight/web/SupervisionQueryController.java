package org.jiguan.oversight.web;

import static org.jiguan.oversight.web.OrganQueryController.AS_OF;
import static org.jiguan.oversight.web.OrganQueryController.KNOWN_AT;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.views.AnnualReportRow;
import org.jiguan.oversight.domain.views.CommitteeDashboard;
import org.jiguan.oversight.domain.views.FindingStatus;
import org.jiguan.oversight.domain.views.SpecialReportRequestStatus;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The committee dashboard, annual-report compliance and inspection findings (DOMAIN.md §5–§6). */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@Tag(name = "Supervision 监督", description = "Dashboard counts, annual-report compliance (R-SUP-1, R-SUP-2), "
        + "special-report requests (R-SUP-3) and inspection findings (R-SUP-4) as of a date")
public class SupervisionQueryController {
    private final OversightReads reads;
    private final CommitteeRollUp rollUps;

    public SupervisionQueryController(OversightReads reads, CommitteeRollUp rollUps) {
        this.reads = reads;
        this.rollUps = rollUps;
    }

    public record AnnualReports(int year, LocalDate asOf, Instant knownAt, List<AnnualReportRow> items) {
    }

    public record Findings(LocalDate asOf, Instant knownAt, List<FindingRow> items) {
    }

    public record LeaderFilingsAnswer(int year, LocalDate asOf, Instant knownAt, List<LeaderFilingRow> items) {
    }

    public record SpecialReportRequests(LocalDate asOf, Instant knownAt, List<SpecialReportRequestRow> items) {
    }

    @GetMapping("/api/v1/committees/{committeeId}/dashboard")
    @Operation(summary = "A committee's counts as of a date: organs against quota, leadership posts, staffing, "
            + "annual-report compliance for the year (default: the year before asOf's), meetings, decisions, "
            + "findings, assessments, accountability. With rollUp=true the same figures summed over the committee "
            + "and every committee below it that the caller sees (rollUp, committees: how many were summed), with "
            + "one row per child committee the caller sees in children, each with its own subtree summed")
    @ApiResponse(responseCode = "200", description = "The dashboard; with rollUp=true the roll-up", content =
    @Content(mediaType = "application/json", schema = @Schema(oneOf = {CommitteeDashboard.class,
            CommitteeRollUp.Answer.class})))
    public Object dashboard(@PathVariable String committeeId,
                            @RequestParam(required = false) @Min(1949) @Max(2999) Integer year,
                            @Parameter(description = AS_OF) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                            Instant knownAt,
                            @Parameter(description = "Sum over the committee and the committees below it, with a row "
                                    + "per child committee") @RequestParam(defaultValue = "false") boolean rollUp) {
        return rollUp ? rollUps.dashboard(committeeId, year, reads.slice(asOf, knownAt))
                : reads.dashboard(committeeId, year, reads.slice(asOf, knownAt));
    }

    @GetMapping("/api/v1/committees/{committeeId}/annual-report-trend")
    @Operation(summary = "Annual-report compliance of the last years (default 5), oldest first: for each report year "
            + "before asOf's year, of the organs owing the report (owed), those filed by the due date (onTime), "
            + "after it (late), due and not filed (missing) and not due yet (pending), as of asOf; with rollUp=true "
            + "over the committee and every committee below it that the caller sees")
    public CommitteeRollUp.Trend annualReportTrend(@PathVariable String committeeId,
                                                   @RequestParam(defaultValue = "5") @Min(1) @Max(10) int years,
                                                   @RequestParam(defaultValue = "false") boolean rollUp,
                                                   @Parameter(description = AS_OF) @RequestParam(required = false)
                                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                   @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                                                   Instant knownAt) {
        return rollUps.trend(committeeId, rollUp, years, reads.slice(asOf, knownAt));
    }

    @GetMapping("/api/v1/annual-reports")
    @Operation(summary = "One row per organ owing its comprehensive annual work report for the year (default: the "
            + "year before asOf's): dueOn, status (FILED, PENDING, DUE, OVERDUE, ESCALATED; NOT_REQUIRED when asked), "
            + "filedOn, daysOverdue")
    public AnnualReports annualReports(@RequestParam(required = false) @Min(1949) @Max(2999) Integer year,
                                       @RequestParam(required = false) String committeeId,
                                       @RequestParam(required = false) AnnualReportStatus status,
                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                       @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                                       Instant knownAt) {
        var slice = reads.slice(asOf, knownAt);
        int reportYear = year == null ? slice.asOf().getYear() - 1 : year;
        return new AnnualReports(reportYear, slice.asOf(), knownAt,
                reads.annualReports(reportYear, committeeId, status, slice));
    }

    @GetMapping("/api/v1/special-report-requests")
    @Operation(summary = "The committees' requests for special reports as of a date (R-SUP-3); status PENDING (not "
            + "answered, not yet due), OVERDUE (not answered past dueOn), ANSWERED or ANSWERED_LATE (filed after dueOn)")
    public SpecialReportRequests specialReportRequests(@RequestParam(required = false) String committeeId,
                                                       @RequestParam(required = false) String organId,
                                                       @RequestParam(required = false)
                                                       SpecialReportRequestStatus status,
                                                       @Parameter(description = AS_OF) @RequestParam(required = false)
                                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                                       @Parameter(description = KNOWN_AT)
                                                       @RequestParam(required = false) Instant knownAt) {
        var slice = reads.slice(asOf, knownAt);
        return new SpecialReportRequests(slice.asOf(), knownAt,
                reads.specialReportRequests(committeeId, organId, status, slice));
    }

    @GetMapping("/api/v1/leader-filings")
    @Operation(summary = "Per year (default: the year before asOf's), every leader who sat on an organ's body that "
            + "year, with the duty-and-integrity statement and personal-matters report filed by asOf (R-SUP-5); "
            + "missingOnly=true keeps those who owe one and have not filed it")
    public LeaderFilingsAnswer leaderFilings(@RequestParam(required = false) @Min(1949) @Max(2999) Integer year,
                                             @RequestParam(required = false) String committeeId,
                                             @RequestParam(required = false) String organId,
                                             @RequestParam(defaultValue = "false") boolean missingOnly,
                                             @Parameter(description = AS_OF) @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                             @Parameter(description = KNOWN_AT) @RequestParam(required = false)
                                             Instant knownAt) {
        var slice = reads.slice(asOf, knownAt);
        int filingYear = year == null ? slice.asOf().getYear() - 1 : year;
        return new LeaderFilingsAnswer(filingYear, slice.asOf(), knownAt,
                reads.leaderFilings(filingYear, committeeId, organId, missingOnly, slice));
    }

    @GetMapping("/api/v1/findings")
    @Operation(summary = "Inspection findings as of a date; status OPEN (within deadline), OVERDUE (open past "
            + "rectifyBy) or RECTIFIED")
    public Findings findings(@RequestParam(required = false) String committeeId,
                             @RequestParam(required = false) String organId,
                             @RequestParam(required = false) FindingStatus status,
                             @Parameter(description = AS_OF) @RequestParam(required = false)
                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                             @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        var slice = reads.slice(asOf, knownAt);
        return new Findings(slice.asOf(), knownAt, reads.findings(committeeId, organId, status, slice));
    }
}
