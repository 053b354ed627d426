package org.jiguan.platform.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * R-COM-2's count of a committee's organs against its organ quota (总量控制和限额管理), on any date. The one
 * definition for both sides: organ-service refuses an organ or a quota by it, oversight-service shows its figures by
 * it, so the two agree on every date. Fed the committee's quota and slot facts in the order they were recorded.
 * <ul>
 *   <li>An organ holds its slot from its establishment until its abolition (no longer on the abolition day).</li>
 *   <li>An organ merged or co-located (合并设立、合署办公) with an active organ of the committee shares that organ's
 *       slot: the combined organ counts once. It takes a slot of its own from the day its partner is no longer
 *       active.</li>
 *   <li>The quota is the one in force on the day ({@link QuotaInForce}: of two set the same day, the later).</li>
 * </ul>
 */
public final class OrganQuotaCount {
    private QuotaInForce quota;
    private Map<String, Slot> slots = new LinkedHashMap<>();

    /** An organ as the quota sees it; {@code until} is null while it is active. */
    public record Slot(boolean countedInQuota, LocalDate from, LocalDate until, String sharesSlotWith) {
        public boolean activeOn(LocalDate day) {
            return !from.isAfter(day) && (until == null || until.isAfter(day));
        }

        public boolean activeOnOrAfter(LocalDate day) {
            return until == null || until.isAfter(day);
        }
    }

    private OrganQuotaCount() {
        // for snapshots
    }

    /** @param registeredQuota the quota the committee was registered with, in force until the first change */
    public OrganQuotaCount(int registeredQuota) {
        this.quota = new QuotaInForce(registeredQuota);
    }

    public void quotaSet(LocalDate from, int organQuota) {
        quota.changed(from, organQuota);
    }

    public void slotTaken(String organId, boolean countedInQuota, LocalDate on, String sharesSlotWith) {
        slots.put(organId, new Slot(countedInQuota, on, null, sharesSlotWith));
    }

    /** The organ leaves the count from {@code on}; an organ already released keeps its first release. */
    public void slotReleased(String organId, LocalDate on) {
        slots.computeIfPresent(organId, (id, slot) -> slot.until() != null ? slot
                : new Slot(slot.countedInQuota(), slot.from(), on, slot.sharesSlotWith()));
    }

    /** This count with one more organ, to judge its establishment before it is recorded. */
    public OrganQuotaCount withSlotTaken(String organId, boolean countedInQuota, LocalDate on,
                                         String sharesSlotWith) {
        OrganQuotaCount next = copy();
        next.slotTaken(organId, countedInQuota, on, sharesSlotWith);
        return next;
    }

    /** This count with one more quota change, to judge it before it is recorded. */
    public OrganQuotaCount withQuotaSet(LocalDate from, int organQuota) {
        OrganQuotaCount next = copy();
        next.quota = quota.with(from, organQuota);
        return next;
    }

    private OrganQuotaCount copy() {
        OrganQuotaCount next = new OrganQuotaCount();
        next.quota = quota.copy();
        next.slots = new LinkedHashMap<>(slots);
        return next;
    }

    public Optional<Slot> slot(String organId) {
        return Optional.ofNullable(slots.get(organId));
    }

    public int quotaOn(LocalDate day) {
        return quota.on(day);
    }

    /** The first day after {@code day} on which the quota changes; {@link LocalDate#MAX} when none does. */
    public LocalDate nextQuotaChangeAfter(LocalDate day) {
        return quota.nextChangeAfter(day);
    }

    /** Organs holding a slot of their own on {@code day}: the figure held against the quota. */
    public long countedOn(LocalDate day) {
        return slots.values().stream().filter(slot -> counts(slot, day)).count();
    }

    /** Organs active on {@code day} that share another's slot. */
    public long sharingOn(LocalDate day) {
        return slots.values().stream().filter(slot -> slot.activeOn(day) && !counts(slot, day)).count();
    }

    private boolean counts(Slot slot, LocalDate day) {
        if (!slot.activeOn(day)) {
            return false;
        }
        if (slot.countedInQuota()) {
            return true;
        }
        // Events of an earlier version may name no partner: such an organ never took a slot of its own.
        Slot partner = slot.sharesSlotWith() == null ? null : slots.get(slot.sharesSlotWith());
        return partner != null && !partner.activeOn(day);
    }

    /**
     * {@code day} and every later day on which the count or the quota changes: the days an act dated {@code day}
     * must be judged on, since it stays in the record from then on.
     */
    public List<LocalDate> daysToJudgeFrom(LocalDate day) {
        List<LocalDate> days = new ArrayList<>(List.of(day));
        for (Slot slot : slots.values()) {
            if (day.isBefore(slot.from())) {
                days.add(slot.from());
            }
            if (slot.until() != null && day.isBefore(slot.until())) {
                days.add(slot.until());
            }
        }
        days.addAll(quota.changesAfter(day));
        return days.stream().distinct().sorted().toList();
    }
}
