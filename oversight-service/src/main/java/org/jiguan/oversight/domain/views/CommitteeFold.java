package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.platform.rules.OrganQuotaCount;

/** Folds a committee's events into its {@link CommitteeView} at a {@link TimeSlice}. Pure. */
public final class CommitteeFold {
    private CommitteeFold() {
    }

    /**
     * Empty while the committee's registration is not known at the slice. Organs are counted against the quota by
     * R-COM-2's own count ({@link OrganQuotaCount}), the one organ-service judges by, on the slice's day.
     */
    public static Optional<CommitteeView> fold(AggregateHistory history, TimeSlice slice) {
        return fold(history.datedHistory(), slice);
    }

    /** The same, from the dated events (a whole history's, or a read model's facts of it). */
    public static Optional<CommitteeView> fold(DatedHistory history, TimeSlice slice) {
        String name = null;
        String level = null;
        String parent = null;
        CommitteeView.Policy policy = CommitteeView.Policy.defaults();
        List<String> reserved = List.of();
        boolean registered = false;
        OrganQuotaCount organs = new OrganQuotaCount(0);
        for (DatedEvent e : slice.of(history.dated())) {
            JsonNode d = e.event().data();
            switch (e.name()) {
                case "CommitteeRegistered" -> {
                    registered = true;
                    name = Json.text(d, "name");
                    level = Json.text(d, "level");
                    parent = Json.text(d, "parentCommitteeId");
                    organs = new OrganQuotaCount(Json.integer(d, "organQuota"));
                    reserved = Json.texts(d, "reservedDuties");
                    policy = policy(d);
                }
                case "OrganQuotaSet" -> organs.quotaSet(e.businessDate(), Json.integer(d, "organQuota"));
                case "OrganQuotaSlotTaken" -> organs.slotTaken(Json.text(d, "organId"),
                        Json.at(d, "countedInQuota") == null || Json.bool(d, "countedInQuota"), e.businessDate(),
                        Json.text(d, "sharesSlotWith"));
                case "OrganQuotaSlotReleased" -> organs.slotReleased(Json.text(d, "organId"), e.businessDate());
                default -> {
                }
            }
        }
        if (!registered) {
            return Optional.empty();
        }
        LocalDate day = slice.asOf();
        return Optional.of(new CommitteeView(history.id(), name, level, parent, organs.quotaOn(day), policy,
                reserved, (int) organs.countedOn(day), (int) organs.sharingOn(day)));
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
        JsonNode days = Json.at(p, "reportToCommitteeWorkingDays");
        return new CommitteeView.Policy(Json.text(p, "reportDueMonthDay"), Json.text(p, "cutOffMonthDay"), offsets,
                Json.text(p, "calendar"), days == null || !days.canConvertToInt() ? null : days.asInt());
    }
}
