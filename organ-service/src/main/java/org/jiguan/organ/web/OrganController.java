package org.jiguan.organ.web;

import static org.jiguan.organ.web.OrganRequests.approval;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jiguan.organ.api.AbolishInternalBody;
import org.jiguan.organ.api.AbolishOrgan;
import org.jiguan.organ.api.AppointLeader;
import org.jiguan.organ.api.AssignDuty;
import org.jiguan.organ.api.ChangeInternalBody;
import org.jiguan.organ.api.ChangeOrgan;
import org.jiguan.organ.api.CreateOrgan;
import org.jiguan.organ.api.EstablishInternalBody;
import org.jiguan.organ.api.MergeInternalBodies;
import org.jiguan.organ.api.MergeOrgans;
import org.jiguan.organ.api.RemoveLeader;
import org.jiguan.organ.api.ReportHeadcount;
import org.jiguan.organ.web.OrganRequests.AbolishInternalBodyBody;
import org.jiguan.organ.web.OrganRequests.AbolishOrganBody;
import org.jiguan.organ.web.OrganRequests.AppointLeaderBody;
import org.jiguan.organ.web.OrganRequests.AssignDutyBody;
import org.jiguan.organ.web.OrganRequests.ChangeInternalBodyBody;
import org.jiguan.organ.web.OrganRequests.ChangeOrganBody;
import org.jiguan.organ.web.OrganRequests.CreateOrganBody;
import org.jiguan.organ.web.OrganRequests.EstablishInternalBodyBody;
import org.jiguan.organ.web.OrganRequests.HeadcountBody;
import org.jiguan.organ.web.OrganRequests.MergeInternalBodiesBody;
import org.jiguan.organ.web.OrganRequests.MergeOrgansBody;
import org.jiguan.organ.web.OrganRequests.RemoveLeaderBody;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.web.ClientIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Establishment, change, merger and abolition of organs; their leadership, internal bodies, staff and duties. */
@Roles(Role.COMMITTEE_OFFICE)
@RestController
@RequestMapping("/api/v1/organs")
@Tag(name = "Organs 工作机关", description = "Organs, leadership bodies, internal bodies, staffing and duties "
        + "(R-ORG-*, R-LEAD-*)")
public class OrganController {
    private final CommandGateway commands;
    private final OrganDirectory directory;
    private final OrganAccess access;

    public OrganController(CommandGateway commands, OrganDirectory directory, OrganAccess access) {
        this.commands = commands;
        this.directory = directory;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Establish an organ (R-COM-2, R-ORG-1, R-ORG-2, R-ORG-3)")
    public ResponseEntity<Map<String, String>> create(@Valid @RequestBody CreateOrganBody body) {
        Caller.current().requireCommitteeOffice(body.committeeId());
        String organId = ClientIds.orNew(body.organId());
        commands.sendAndWait(new CreateOrgan(organId, body.committeeId(), body.name(), body.kind(), body.mode(),
                body.establishedOn(), body.staffingQuota(), body.leadershipQuota(), approval(body.approval()),
                body.relatedDepartment(), body.coordinationBody(), body.field()));
        return ResponseEntity.created(URI.create("/api/v1/organs/" + organId))
                .body(Map.of("organId", organId, "committeeId", body.committeeId()));
    }

    @PostMapping("/{organId}/changes")
    @Operation(summary = "Change an organ's name or quotas (R-ORG-2, R-ORG-4, R-ORG-6, R-LEAD-2)")
    public ResponseEntity<Void> change(@PathVariable String organId, @Valid @RequestBody ChangeOrganBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new ChangeOrgan(organId, body.changedOn(), approval(body.approval()), body.name(),
                body.staffingQuota(), body.leadershipQuota()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/abolition")
    @Operation(summary = "Abolish an organ (R-ORG-2, R-ORG-4)")
    public ResponseEntity<Void> abolish(@PathVariable String organId, @Valid @RequestBody AbolishOrganBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new AbolishOrgan(organId, body.abolishedOn(), approval(body.approval()), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/mergers")
    @Operation(summary = "Merge organs into this one, abolishing the absorbed organs (R-ORG-2, R-ORG-4)")
    public ResponseEntity<Void> merge(@PathVariable String organId, @Valid @RequestBody MergeOrgansBody body) {
        String committeeId = access.committeeOffice(organId);
        // An organ of another committee is refused by R-ORG-4, but only to a caller who may act on both.
        for (String absorbed : body.absorbedOrganIds()) {
            String absorbedCommittee = directory.committeeOf(absorbed);
            if (!absorbedCommittee.equals(committeeId)) {
                Caller.current().requireCommitteeOffice(absorbedCommittee);
            }
        }
        commands.sendAndWait(new MergeOrgans(organId, body.absorbedOrganIds(), body.mergedOn(),
                approval(body.approval())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/leaders")
    @Operation(summary = "Appoint a member of the leadership body (R-LEAD-1 to R-LEAD-5)")
    public ResponseEntity<Map<String, String>> appointLeader(@PathVariable String organId,
                                                             @Valid @RequestBody AppointLeaderBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new AppointLeader(organId, body.memberId(), body.name(), body.role(), body.since(),
                Boolean.TRUE.equals(body.concurrentUpperLevelPost()), approval(body.approval())));
        return ResponseEntity.created(URI.create("/api/v1/organs/" + organId + "/leaders/" + body.memberId()))
                .body(Map.of("organId", organId, "memberId", body.memberId()));
    }

    @PostMapping("/{organId}/leaders/{memberId}/removal")
    @Operation(summary = "Remove a member from the leadership body (R-LEAD-4)")
    public ResponseEntity<Void> removeLeader(@PathVariable String organId, @PathVariable String memberId,
                                             @Valid @RequestBody RemoveLeaderBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new RemoveLeader(organId, memberId, body.on(), body.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/internal-bodies")
    @Operation(summary = "Establish an internal body with its approval (R-ORG-5)")
    public ResponseEntity<Map<String, String>> establishInternalBody(@PathVariable String organId,
                                                                     @Valid @RequestBody EstablishInternalBodyBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new EstablishInternalBody(organId, body.bodyId(), body.name(), approval(body.approval())));
        return ResponseEntity.created(URI.create("/api/v1/organs/" + organId + "/internal-bodies/" + body.bodyId()))
                .body(Map.of("organId", organId, "bodyId", body.bodyId()));
    }

    @PostMapping("/{organId}/internal-bodies/{bodyId}/abolition")
    @Operation(summary = "Abolish an internal body with its approval (R-ORG-5)")
    public ResponseEntity<Void> abolishInternalBody(@PathVariable String organId, @PathVariable String bodyId,
                                                    @Valid @RequestBody AbolishInternalBodyBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new AbolishInternalBody(organId, bodyId, approval(body.approval()), body.on()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/internal-bodies/{bodyId}/changes")
    @Operation(summary = "Rename or re-task an internal body with its approval (R-ORG-5); on defaults to the "
            + "approval date")
    public ResponseEntity<Void> changeInternalBody(@PathVariable String organId, @PathVariable String bodyId,
                                                   @Valid @RequestBody ChangeInternalBodyBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new ChangeInternalBody(organId, bodyId, body.name(), body.tasks(),
                approval(body.approval()), body.on()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/internal-bodies/{bodyId}/mergers")
    @Operation(summary = "Merge internal bodies into this one, which survives, with their approval (R-ORG-5); on "
            + "defaults to the approval date")
    public ResponseEntity<Void> mergeInternalBodies(@PathVariable String organId, @PathVariable String bodyId,
                                                    @Valid @RequestBody MergeInternalBodiesBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new MergeInternalBodies(organId, bodyId, body.absorbedBodyIds(), body.name(),
                approval(body.approval()), body.on()));
        return ResponseEntity.noContent().build();
    }

    @Roles(Role.ORGAN_OFFICE)
    @PostMapping("/{organId}/headcount")
    @Operation(summary = "Report staff in post against the staffing quota (R-ORG-6)")
    public ResponseEntity<Void> reportHeadcount(@PathVariable String organId, @Valid @RequestBody HeadcountBody body) {
        access.organOffice(organId);
        commands.sendAndWait(new ReportHeadcount(organId, body.headcount(), body.asOf()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{organId}/duties")
    @Operation(summary = "Assign a duty from the three-determinations provisions (R-ORG-7)")
    public ResponseEntity<Void> assignDuty(@PathVariable String organId, @Valid @RequestBody AssignDutyBody body) {
        access.committeeOffice(organId);
        commands.sendAndWait(new AssignDuty(organId, body.dutyCode(), body.description()));
        return ResponseEntity.noContent().build();
    }

}
