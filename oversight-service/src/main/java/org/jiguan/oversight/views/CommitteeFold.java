package org.jiguan.oversight.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** Folds a committee's events into its {@link CommitteeView} at a {@link TimeSlice}. Pure. */
public final class CommitteeFold {
    private CommitteeFold() {
    }

    /** Empty while the committee's registration is not known at the slice. */
    public static Optional<CommitteeView> fold(AggregateHistory history, TimeSlice slice) {
        String name = null;
        String level = null;
        String parent = null;
        int quota = 0;
        CommitteeView.Policy policy = CommitteeView.Policy.defaults();
        List<String> reserved = List.of();
        boolean registered = false;
        Map<String, Boolean> slots = new LinkedHashMap<>();
        for (DatedEvent e : slice.of(history.dated())) {
            JsonNode d = e.event().data();
            switch (e.name()) {
                case "CommitteeRegistered" -> {
                    registered = true;
                    name = Json.text(d, "name");
                    level = Json.text(d, "level");
                    parent = Json.text(d, "parentCommitteeId");
                    quota = Json.integer(d, "organQuota");
                    reserved = Json.texts(d, "reservedDuties");
                    policy = policy(d);
                }
                case "OrganQuotaSet" -> quota = Json.integer(d, "organQuota");
                case "OrganQuotaSlotTaken" -> slots.put(Json.text(d, "organId"), Json.at(d, "countedInQuota") == null
                        || Json.bool(d, "countedInQuota"));
                case "OrganQuotaSlotReleased" -> slots.remove(Json.text(d, "organId"));
                default -> {
                }
            }
        }
        if (!registered) {
            return Optional.empty();
        }
        int counted = (int) slots.values().stream().filter(c -> c).count();
        return Optional.of(new CommitteeView(history.id(), name, level, parent, quota, policy, reserved, counted,
                slots.size() - counted));
    }

    private static CommitteeView.Policy policy(JsonNode d) {
        JsonNode p = Json.at(d, "policy");
        if (p == null) {
            return CommitteeView.Policy.defaults();
        }
        List<Integer> offsets = null;
        if (Json.at(p, "reminderOffsets") != null) {
            offsets = new ArrayList<>();
            for (JsonNode o : Json.nodes(p, "reminderOffsets")) {
                offsets.add(o.asInt());
            }
        }
        return new CommitteeView.Policy(Json.text(p, "reportDueMonthDay"), Json.text(p, "cutOffMonthDay"), offsets,
                Json.text(p, "calendar"));
    }
}
