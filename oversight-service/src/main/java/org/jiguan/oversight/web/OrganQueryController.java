package org.jiguan.oversight.web;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.OrganStatus;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.web.Limits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organs as of any date, as known at any instant, and their full event histories. */
@Roles({Role.COMMITTEE_OFFICE, Role.ORGAN_OFFICE, Role.OVERSIGHT_VIEWER})
@RestController
@RequestMapping("/api/v1/organs")
@Tag(name = "Organs 工作机关", description = "Organ profiles as of a date (asOf) and as known at an instant (knownAt), "
        + "and every event of an organ")
public class OrganQueryController {
    static final String AS_OF = "The end of this business day (ISO date); default today in Beijing";
    static final String KNOWN_AT = "Only what had been recorded by this instant (ISO-8601 with offset); default all";

    private final OversightReads reads;

    public OrganQueryController(OversightReads reads) {
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "Organs in the caller's scope as of a date, paged (page 0-based); NOT_YET_ESTABLISHED ones "
            + "only when status asks for them")
    public Page<OrganSummary> list(@RequestParam(required = false) String committeeId,
                                   @RequestParam(required = false) String kind,
                                   @RequestParam(required = false) OrganStatus status,
                                   @Parameter(description = AS_OF) @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                   @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.PAGE) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return reads.organs(committeeId, kind, status, reads.slice(asOf, knownAt), page, size);
    }

    @GetMapping("/{organId}")
    @Operation(summary = "An organ's profile as of a date: status, quotas and usage, leaders, internal bodies, duties, "
            + "reports, findings, assessments, accountability, integrity statements")
    public OrganProfile get(@PathVariable String organId,
                            @Parameter(description = AS_OF) @RequestParam(required = false)
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                            @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        return reads.organ(organId, reads.slice(asOf, knownAt));
    }

    @GetMapping("/{organId}/history")
    @Operation(summary = "Every event of the organ, oldest first (by sequence), paged (page 0-based)")
    public Page<HistoryEntry> history(@PathVariable String organId,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(Limits.PAGE) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return reads.history(AggregateKind.ORGAN, organId, page, size);
    }
}
