package org.jiguan.platform.testing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-COM-2 cases as committee events (their JSON fields, as on {@code organ-events}) with the figures expected on given
 * days. organ-service's judgement (is one more organ admitted on the day?) and oversight-service's figures (organs
 * counted against the quota in force) are both fed these same events, so the two cannot drift apart again: they did
 * on two quota changes dated the same day and on a co-located organ whose partner was abolished.
 */
public final class OrganQuotaCases {
    public static final String COMMITTEE = "gd";
    public static final String PARENT = "cc";

    /** One committee event: its type ({@code jiguan.organ.<type>}) and its data. */
    public record Event(String type, Map<String, Object> data) {
    }

    /** On {@code day}: {@code counted} organs hold a slot of their own, {@code sharing} share one, of {@code quota}. */
    public record Probe(LocalDate day, long counted, long sharing, int quota) {
        /** Whether one more organ established on the day fits the quota. */
        public boolean admitsAnother() {
            return counted < quota;
        }
    }

    public record Case(String name, List<Event> events, List<Probe> probes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private OrganQuotaCases() {
    }

    public static List<Case> all() {
        return List.of(
                new Case("two quota changes on the same date: the later recorded stands",
                        List.of(registered(3), slotTaken("a", true, "2024-03-01", null),
                                slotTaken("b", true, "2024-03-01", null),
                                quotaSet(2, "2025-01-10"), quotaSet(3, "2025-01-10")),
                        List.of(new Probe(LocalDate.of(2024, 6, 1), 2, 0, 3),
                                new Probe(LocalDate.of(2025, 2, 1), 2, 0, 3))),
                new Case("a co-located organ takes a slot of its own once its partner is abolished",
                        List.of(registered(2), slotTaken("a", true, "2024-03-01", null),
                                slotTaken("b", false, "2024-03-01", "a"),
                                slotTaken("c", true, "2024-03-01", null),
                                slotReleased("a", "2025-06-30")),
                        List.of(new Probe(LocalDate.of(2025, 7, 1), 2, 0, 2))),
                new Case("a co-located organ shares its partner's slot while the partner is active",
                        List.of(registered(3), slotTaken("a", true, "2024-03-01", null),
                                slotTaken("b", false, "2024-03-01", "a")),
                        List.of(new Probe(LocalDate.of(2025, 7, 1), 1, 1, 3))));
    }

    private static Event registered(int quota) {
        return event("CommitteeRegistered", "committeeId", COMMITTEE, "name", "广东省委", "level", "PROVINCIAL",
                "parentCommitteeId", PARENT, "organQuota", quota, "reservedDuties", List.of());
    }

    private static Event quotaSet(int quota, String approvedOn) {
        return event("OrganQuotaSet", "committeeId", COMMITTEE, "organQuota", quota, "previousQuota", 0,
                "approval", Map.of("proposedBy", "gd-establishment-office", "approvedBy",
                        "UPPER_ESTABLISHMENT_COMMITTEE", "approverCommitteeId", PARENT, "documentNo",
                        "中编办复字〔2025〕" + quota + "号", "approvedOn", approvedOn));
    }

    private static Event slotTaken(String organId, boolean counted, String on, String sharesSlotWith) {
        Map<String, Object> data = fields("committeeId", COMMITTEE, "organId", organId, "organKind",
                "FUNCTIONAL_DEPARTMENT", "countedInQuota", counted, "on", on);
        if (sharesSlotWith != null) {
            data.put("sharesSlotWith", sharesSlotWith);
        }
        return new Event("OrganQuotaSlotTaken", data);
    }

    private static Event slotReleased(String organId, String on) {
        return event("OrganQuotaSlotReleased", "committeeId", COMMITTEE, "organId", organId, "on", on,
                "reason", "abolished");
    }

    private static Event event(String type, Object... fields) {
        return new Event(type, fields(fields));
    }

    private static Map<String, Object> fields(Object... fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            data.put((String) fields[i], fields[i + 1]);
        }
        return data;
    }
}
