package org.jiguan.organ.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.CreateOrgan;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.organ.api.OrganQuotaSlotReleased;
import org.jiguan.organ.api.OrganQuotaSlotTaken;
import org.jiguan.organ.api.RegisterCommittee;
import org.jiguan.organ.api.SetOrganQuota;
import org.jiguan.platform.rules.RuleViolation;

/**
 * A party committee: its place in the hierarchy and the organs it keeps under total-count control. It is the
 * consistency boundary for R-COM-2 and the one-general-office rule of R-ORG-1, so every establishment and
 * abolition passes through it.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
public class Committee {
    @AggregateIdentifier
    private String committeeId;
    private CommitteeLevel level;
    private String parentCommitteeId;
    private int organQuota;
    private List<String> reservedDuties = new ArrayList<>();
    private Map<String, OrganSlot> activeOrgans = new LinkedHashMap<>();

    /** An active organ as the quota sees it. */
    record OrganSlot(OrganKind kind, boolean countedInQuota) {
    }

    protected Committee() {
        // for Axon
    }

    /** @param parentLevel the level of the named parent committee, null when it has none or it does not exist */
    Committee(RegisterCommittee command, CommitteeLevel parentLevel) {
        requireParentOneLevelUp(command.level(), command.parentCommitteeId(), parentLevel);
        requireQuotaNotNegative(command.organQuota());
        List<String> reserved = command.reservedDuties() == null ? List.of() : List.copyOf(command.reservedDuties());
        apply(new CommitteeRegistered(command.committeeId(), command.name(), command.level(),
                command.parentCommitteeId(), command.organQuota(),
                ReportPolicyDefaults.complete(command.policy()), reserved));
    }

    /** R-COM-1: only the central committee stands alone; every other one hangs one level below its parent. */
    private static void requireParentOneLevelUp(CommitteeLevel level, String parentId, CommitteeLevel parentLevel) {
        RuleViolation.require(level != null, "R-COM-1", "a committee needs a level");
        if (level == CommitteeLevel.CENTRAL) {
            RuleViolation.require(parentId == null, "R-COM-1", "the central committee has no parent committee");
            return;
        }
        RuleViolation.require(parentId != null, "R-COM-1", "a " + level + " committee needs a parent committee");
        RuleViolation.require(parentLevel != null, "R-COM-1", "parent committee " + parentId + " is not registered");
        CommitteeLevel expected = level.oneLevelUp().orElseThrow();
        RuleViolation.require(parentLevel == expected, "R-COM-1", "a " + level + " committee's parent must be "
                + expected + ", but " + parentId + " is " + parentLevel);
    }

    @CommandHandler
    public void handle(SetOrganQuota command, Clock clock) {
        ApprovalRules.requireEstablishmentApproval(command.approval(), position(), clock);
        requireQuotaNotNegative(command.organQuota());
        RuleViolation.require(command.organQuota() >= countedOrgans(), "R-COM-2", "organ quota "
                + command.organQuota() + " is below the " + countedOrgans() + " organs already counted");
        apply(new OrganQuotaSet(committeeId, command.organQuota(), organQuota, command.approval()));
    }

    /** Admits a new organ: decides R-ORG-2, R-ORG-1 (one general office) and R-COM-2, then takes its slot. */
    OrganAdmission admit(CreateOrgan command, Clock clock) {
        ApprovalRules.requireEstablishmentApproval(command.approval(), position(), clock);
        requireNoSecondGeneralOffice(command.kind());
        boolean counted = !countsOnceWithActiveOrgan(command.mode(), command.relatedDepartment());
        RuleViolation.require(!counted || countedOrgans() < organQuota, "R-COM-2", "committee " + committeeId
                + " has used its organ quota of " + organQuota);
        apply(new OrganQuotaSlotTaken(committeeId, command.organId(), command.kind(), counted,
                command.establishedOn()));
        return new OrganAdmission(position(), counted);
    }

    /** Frees an abolished organ's slot; an organ the committee no longer counts leaves nothing to free. */
    void release(String organId, LocalDate on, String reason) {
        if (activeOrgans.containsKey(organId)) {
            apply(new OrganQuotaSlotReleased(committeeId, organId, on, reason));
        }
    }

    /** R-ORG-1: at most one active general office per committee. */
    private void requireNoSecondGeneralOffice(OrganKind kind) {
        boolean taken = activeOrgans.values().stream().anyMatch(slot -> slot.kind() == OrganKind.GENERAL_OFFICE);
        RuleViolation.require(kind != OrganKind.GENERAL_OFFICE || !taken, "R-ORG-1",
                "committee " + committeeId + " already has a general office");
    }

    /**
     * R-COM-2: an organ merged or co-located with another active organ of this committee forms one combined organ
     * with it, so it takes no slot of its own. A related department outside the committee (a government
     * department) does not share a slot: the combined organ counts once, through this one.
     */
    private boolean countsOnceWithActiveOrgan(EstablishmentMode mode, String relatedDepartment) {
        return mode != null && mode != EstablishmentMode.STANDALONE && relatedDepartment != null
                && activeOrgans.containsKey(relatedDepartment);
    }

    private long countedOrgans() {
        return activeOrgans.values().stream().filter(OrganSlot::countedInQuota).count();
    }

    private static void requireQuotaNotNegative(int quota) {
        RuleViolation.require(quota >= 0, "R-COM-2", "an organ quota cannot be negative");
    }


    CommitteeLevel level() {
        return level;
    }

    List<String> reservedDuties() {
        return List.copyOf(reservedDuties);
    }

    private CommitteePosition position() {
        return new CommitteePosition(committeeId, level, parentCommitteeId);
    }

    @EventSourcingHandler
    void on(CommitteeRegistered event) {
        committeeId = event.committeeId();
        level = event.level();
        parentCommitteeId = event.parentCommitteeId();
        organQuota = event.organQuota();
        reservedDuties = event.reservedDuties() == null ? new ArrayList<>() : new ArrayList<>(event.reservedDuties());
    }

    @EventSourcingHandler
    void on(OrganQuotaSet event) {
        organQuota = event.organQuota();
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotTaken event) {
        activeOrgans.put(event.organId(), new OrganSlot(event.organKind(), event.countedInQuota()));
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotReleased event) {
        activeOrgans.remove(event.organId());
    }
}
