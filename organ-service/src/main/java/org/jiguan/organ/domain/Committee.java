package org.jiguan.organ.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
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
import org.jiguan.platform.rules.OrganQuotaCount;
import org.jiguan.platform.rules.RuleViolation;

/**
 * A party committee: its place in the hierarchy and the organs it keeps under total-count control. It is the
 * consistency boundary for R-COM-2 and the one-general-office rule of R-ORG-1, so every establishment and
 * abolition passes through it.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache",
        commandTargetResolver = "commandTargets")
@Revision("2") // the count kept in OrganQuotaCount: snapshots of revision 1 are passed over
public class Committee {
    @AggregateIdentifier
    private String committeeId;
    private CommitteeLevel level;
    private String parentCommitteeId;
    private List<String> reservedDuties = new ArrayList<>();
    /** Every organ the committee ever admitted with the dates it held its slot, and the quota over time. */
    private OrganQuotaCount organs = new OrganQuotaCount(0);
    /** The general offices among them (R-ORG-1). */
    private Set<String> generalOffices = new HashSet<>();

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
    public void handle(SetOrganQuota command) {
        ApprovalRules.requireEstablishmentApproval(command.approval(), position());
        requireQuotaNotNegative(command.organQuota());
        LocalDate from = command.approval().approvedOn();
        LocalDate nextChange = organs.nextQuotaChangeAfter(from);
        requireWithinQuota(organs.withQuotaSet(from, command.organQuota()), from, nextChange);
        apply(new OrganQuotaSet(committeeId, command.organQuota(), organs.quotaOn(from), command.approval()));
    }

    /** Admits a new organ: decides R-ORG-2, R-ORG-1 (one general office) and R-COM-2, then takes its slot. */
    OrganAdmission admit(CreateOrgan command) {
        ApprovalRules.requireEstablishmentApproval(command.approval(), position());
        requireNoSecondGeneralOffice(command.kind(), command.establishedOn());
        String sharesSlotWith = countsOnceWithActiveOrgan(command.mode(), command.relatedDepartment(),
                command.establishedOn()) ? command.relatedDepartment() : null;
        boolean counted = sharesSlotWith == null;
        requireWithinQuota(organs.withSlotTaken(command.organId(), counted, command.establishedOn(), sharesSlotWith),
                command.establishedOn(), LocalDate.MAX);
        apply(new OrganQuotaSlotTaken(committeeId, command.organId(), command.kind(), counted,
                command.establishedOn(), sharesSlotWith));
        return new OrganAdmission(position(), counted);
    }

    /**
     * R-COM-2 is judged at the act's business date: with the act, the organs counted must fit the quota in force on
     * its date and on every later day (before {@code until}) that something changed, since the act stays in the
     * record from then on (an organ recorded late must not push a past or present count over its quota).
     */
    private void requireWithinQuota(OrganQuotaCount withAct, LocalDate from, LocalDate until) {
        withAct.daysToJudgeFrom(from).stream().filter(day -> day.isBefore(until)).forEach(day ->
                RuleViolation.require(withAct.countedOn(day) <= withAct.quotaOn(day), "R-COM-2", "committee "
                        + committeeId + " would count " + withAct.countedOn(day) + " organs against its organ quota of "
                        + withAct.quotaOn(day) + " on " + day));
    }

    /** Frees an abolished organ's slot from the abolition date; an organ no longer counted leaves nothing to free. */
    void release(String organId, LocalDate on, String reason) {
        if (organs.slot(organId).map(slot -> slot.until() == null).orElse(false)) {
            apply(new OrganQuotaSlotReleased(committeeId, organId, on, reason));
        }
    }

    /** R-ORG-1: at most one general office per committee at any time from the new one's establishment on. */
    private void requireNoSecondGeneralOffice(OrganKind kind, LocalDate establishedOn) {
        boolean taken = generalOffices.stream().map(organs::slot).flatMap(Optional::stream)
                .anyMatch(slot -> slot.activeOnOrAfter(establishedOn));
        RuleViolation.require(kind != OrganKind.GENERAL_OFFICE || !taken, "R-ORG-1",
                "committee " + committeeId + " already has a general office");
    }

    /**
     * R-COM-2: an organ merged or co-located with another active organ of this committee forms one combined organ
     * with it, so it takes no slot of its own. A related department outside the committee (a government
     * department) does not share a slot: the combined organ counts once, through this one.
     */
    private boolean countsOnceWithActiveOrgan(EstablishmentMode mode, String relatedDepartment, LocalDate on) {
        return mode != null && mode != EstablishmentMode.STANDALONE && relatedDepartment != null
                && organs.slot(relatedDepartment).map(slot -> slot.activeOn(on)).orElse(false);
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
        organs = new OrganQuotaCount(event.organQuota());
        reservedDuties = event.reservedDuties() == null ? new ArrayList<>() : new ArrayList<>(event.reservedDuties());
    }

    @EventSourcingHandler
    void on(OrganQuotaSet event) {
        organs.quotaSet(event.approval().approvedOn(), event.organQuota());
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotTaken event) {
        organs.slotTaken(event.organId(), event.countedInQuota(), event.on(), event.sharesSlotWith());
        if (event.organKind() == OrganKind.GENERAL_OFFICE) {
            generalOffices.add(event.organId());
        }
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotReleased event) {
        organs.slotReleased(event.organId(), event.on());
    }
}
