package org.jiguan.organ.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
    /** Quota changes by the date their approval takes effect; the quota at registration applies before them. */
    private List<QuotaChange> quotaChanges = new ArrayList<>();
    private List<String> reservedDuties = new ArrayList<>();
    /** Every organ the committee ever admitted, with the dates it held its slot. */
    private Map<String, OrganSlot> organs = new LinkedHashMap<>();

    /**
     * An organ as the quota sees it: from its establishment until its abolition (null while active); one merged or
     * co-located with another organ of the committee shares that organ's slot while both are active.
     */
    record OrganSlot(OrganKind kind, boolean countedInQuota, LocalDate from, LocalDate until, String sharesSlotWith) {
        boolean activeOn(LocalDate day) {
            return !from.isAfter(day) && (until == null || until.isAfter(day));
        }

        boolean activeOnOrAfter(LocalDate day) {
            return until == null || until.isAfter(day);
        }
    }

    record QuotaChange(LocalDate from, int quota) {
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
        LocalDate from = command.approval().approvedOn();
        LocalDate nextChange = quotaChanges.stream().map(QuotaChange::from).filter(from::isBefore)
                .min(LocalDate::compareTo).orElse(LocalDate.MAX);
        for (LocalDate day : daysToCheckFrom(from)) {
            if (day.isBefore(nextChange)) {
                RuleViolation.require(countedOn(day) <= command.organQuota(), "R-COM-2", "organ quota "
                        + command.organQuota() + " from " + from + " is below the " + countedOn(day)
                        + " organs counted on " + day);
            }
        }
        apply(new OrganQuotaSet(committeeId, command.organQuota(), quotaOn(from), command.approval()));
    }

    /** Admits a new organ: decides R-ORG-2, R-ORG-1 (one general office) and R-COM-2, then takes its slot. */
    OrganAdmission admit(CreateOrgan command, Clock clock) {
        ApprovalRules.requireEstablishmentApproval(command.approval(), position(), clock);
        requireNoSecondGeneralOffice(command.kind(), command.establishedOn());
        String sharesSlotWith = countsOnceWithActiveOrgan(command.mode(), command.relatedDepartment(),
                command.establishedOn()) ? command.relatedDepartment() : null;
        boolean counted = sharesSlotWith == null;
        requireRoomFor(new OrganSlot(command.kind(), counted, command.establishedOn(), null, sharesSlotWith));
        apply(new OrganQuotaSlotTaken(committeeId, command.organId(), command.kind(), counted,
                command.establishedOn(), sharesSlotWith));
        return new OrganAdmission(position(), counted);
    }

    /**
     * R-COM-2 is judged at the act's business date: the new organ must fit the quota in force on its
     * establishment date and on every later date something changed, since it stays counted from then on
     * (an organ recorded late must not push a past or present count over its quota).
     */
    private void requireRoomFor(OrganSlot newOrgan) {
        for (LocalDate day : daysToCheckFrom(newOrgan.from())) {
            long counted = countedOn(day) + (counts(newOrgan, day) ? 1 : 0);
            RuleViolation.require(counted <= quotaOn(day), "R-COM-2", "committee " + committeeId
                    + " has used its organ quota of " + quotaOn(day) + " on " + day);
        }
    }

    /** The day itself and every later day on which an organ was established or abolished or the quota changed. */
    private List<LocalDate> daysToCheckFrom(LocalDate day) {
        List<LocalDate> days = new ArrayList<>(List.of(day));
        organs.values().stream().map(OrganSlot::from).filter(day::isBefore).forEach(days::add);
        organs.values().stream().map(OrganSlot::until).filter(u -> u != null && day.isBefore(u)).forEach(days::add);
        quotaChanges.stream().map(QuotaChange::from).filter(day::isBefore).forEach(days::add);
        return days;
    }

    private long countedOn(LocalDate day) {
        return organs.values().stream().filter(slot -> counts(slot, day)).count();
    }

    /** An organ sharing another's slot takes one of its own once that organ is no longer active. */
    private boolean counts(OrganSlot slot, LocalDate day) {
        if (!slot.activeOn(day)) {
            return false;
        }
        if (slot.countedInQuota()) {
            return true;
        }
        OrganSlot partner = slot.sharesSlotWith() == null ? null : organs.get(slot.sharesSlotWith());
        return partner != null && !partner.activeOn(day);
    }

    private int quotaOn(LocalDate day) {
        return quotaChanges.stream().filter(c -> !c.from().isAfter(day))
                .max(Comparator.comparing(QuotaChange::from))
                .map(QuotaChange::quota).orElse(organQuota);
    }

    /** Frees an abolished organ's slot from the abolition date; an organ no longer counted leaves nothing to free. */
    void release(String organId, LocalDate on, String reason) {
        OrganSlot slot = organs.get(organId);
        if (slot != null && slot.until() == null) {
            apply(new OrganQuotaSlotReleased(committeeId, organId, on, reason));
        }
    }

    /** R-ORG-1: at most one general office per committee at any time from the new one's establishment on. */
    private void requireNoSecondGeneralOffice(OrganKind kind, LocalDate establishedOn) {
        boolean taken = organs.values().stream()
                .anyMatch(slot -> slot.kind() == OrganKind.GENERAL_OFFICE && slot.activeOnOrAfter(establishedOn));
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
                && organs.containsKey(relatedDepartment) && organs.get(relatedDepartment).activeOn(on);
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
        quotaChanges.add(new QuotaChange(event.approval().approvedOn(), event.organQuota()));
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotTaken event) {
        organs.put(event.organId(), new OrganSlot(event.organKind(), event.countedInQuota(), event.on(), null,
                event.sharesSlotWith()));
    }

    @EventSourcingHandler
    void on(OrganQuotaSlotReleased event) {
        organs.computeIfPresent(event.organId(), (id, slot) ->
                new OrganSlot(slot.kind(), slot.countedInQuota(), slot.from(), event.on(), slot.sharesSlotWith()));
    }
}
