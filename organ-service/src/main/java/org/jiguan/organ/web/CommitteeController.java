package org.jiguan.organ.web;

import static org.jiguan.organ.web.OrganRequests.approval;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.RegisterCommittee;
import org.jiguan.organ.api.RequestSpecialReport;
import org.jiguan.organ.api.SetOrganQuota;
import org.jiguan.organ.web.OrganRequests.RegisterCommitteeBody;
import org.jiguan.organ.web.OrganRequests.SetOrganQuotaBody;
import org.jiguan.organ.web.OrganRequests.SpecialReportRequestBody;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Forbidden;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.time.BusinessCalendar;
import org.jiguan.platform.web.ClientIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Roles(Role.COMMITTEE_OFFICE)
@RestController
@RequestMapping("/api/v1/committees")
@Tag(name = "Committees 党委", description = "Party committees and their organ quotas (R-COM-*)")
public class CommitteeController {
    private final CommandGateway commands;
    private final OrganDirectory directory;
    private final Clock clock;

    public CommitteeController(CommandGateway commands, OrganDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a party committee (R-COM-1)",
            description = "CENTRAL needs ADMIN; a local committee needs COMMITTEE_OFFICE over its parent or itself.")
    public ResponseEntity<Map<String, String>> register(@Valid @RequestBody RegisterCommitteeBody body) {
        String committeeId = ClientIds.orNew(body.committeeId());
        Caller caller = Caller.current();
        if (body.level() == CommitteeLevel.CENTRAL || body.parentCommitteeId() == null) {
            if (!caller.isAdmin()) {
                throw new Forbidden("Only ADMIN registers a committee without a parent");
            }
        } else if (!caller.isAdmin()) {
            caller.requireCommitteeOffice(caller.seesCommittee(committeeId) ? committeeId : body.parentCommitteeId());
        }
        commands.sendAndWait(new RegisterCommittee(committeeId, body.name(), body.level(), body.parentCommitteeId(),
                body.organQuota(), body.reportPolicy(), body.reservedDuties() == null ? List.of() : body.reservedDuties()));
        return ResponseEntity.created(URI.create("/api/v1/committees/" + committeeId))
                .body(Map.of("committeeId", committeeId));
    }

    @PostMapping("/{committeeId}/special-report-requests")
    @Operation(summary = "Request a special report from one of the committee's organs, due on a date (R-SUP-3)",
            description = "requestedOn defaults to today; the organ answers with a special report naming requestId.")
    public ResponseEntity<Map<String, String>> requestSpecialReport(@PathVariable String committeeId,
                                                                    @Valid @RequestBody SpecialReportRequestBody body) {
        Caller.current().requireCommitteeOffice(committeeId);
        directory.committeeOf(body.organId()); // 404 for an unknown organ; another committee's is R-SUP-3
        String requestId = ClientIds.orNew(body.requestId());
        commands.sendAndWait(new RequestSpecialReport(body.organId(), committeeId, requestId, body.subject(),
                body.requestedOn() == null ? BusinessCalendar.today(clock) : body.requestedOn(), body.dueOn()));
        return ResponseEntity.created(URI.create("/api/v1/committees/" + committeeId + "/special-report-requests/"
                + requestId)).body(Map.of("committeeId", committeeId, "organId", body.organId(), "requestId", requestId));
    }

    @PostMapping("/{committeeId}/organ-quota")
    @Operation(summary = "Set the committee's organ quota (R-COM-2, R-ORG-2)")
    public ResponseEntity<Void> setOrganQuota(@PathVariable String committeeId,
                                              @Valid @RequestBody SetOrganQuotaBody body) {
        Caller.current().requireCommitteeOffice(committeeId);
        commands.sendAndWait(new SetOrganQuota(committeeId, body.organQuota(), approval(body.approval())));
        return ResponseEntity.noContent().build();
    }
}
