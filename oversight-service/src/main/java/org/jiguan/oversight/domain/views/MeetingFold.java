package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.domain.views.MeetingView.ItemStatus;

/** Folds a meeting's events into its {@link MeetingView} at a {@link TimeSlice}. Pure. */
public final class MeetingFold {
    private String organName;
    private String kind;
    private String convenerId;
    private String convenerBasis;
    private Instant scheduledAt;
    private Instant noticeGivenAt;
    private boolean emergency;
    private String emergencyReason;
    private Instant openedAt;
    private Instant adjournedAt;
    private final List<String> votingMembers = new ArrayList<>();
    private final List<String> present = new ArrayList<>();
    private final List<MeetingView.Absence> absent = new ArrayList<>();
    private final List<String> attendees = new ArrayList<>();
    private final Map<String, ItemState> items = new LinkedHashMap<>();
    private MeetingView.MinutesStatus minutesStatus = MeetingView.MinutesStatus.NONE;
    private String recorderId;
    private String signedBy;
    private Instant issuedAt;
    private String minutesText;
    private MeetingView.Circulation circulation;

    private MeetingFold() {
    }

    /** Empty when the meeting had not been convened by the slice; the history as it is (see below). */
    public static Optional<MeetingView> fold(AggregateHistory history, TimeSlice slice) {
        return fold(history, slice, true);
    }

    /** The same, from the dated events (a whole history's, or a read model's facts of it). */
    public static Optional<MeetingView> fold(DatedHistory history, TimeSlice slice) {
        return fold(history, slice, true);
    }

    /**
     * @param confidentialContentShown whether the history holds the confidential content for this reader, or has
     *                                 been through {@link MeetingConfidentiality#outcomesOnly} (R-MEET-15)
     */
    public static Optional<MeetingView> fold(AggregateHistory history, TimeSlice slice,
                                             boolean confidentialContentShown) {
        return fold(history.datedHistory(), slice, confidentialContentShown);
    }

    /** The same, from the dated events (a whole history's, or a read model's facts of it). */
    public static Optional<MeetingView> fold(DatedHistory history, TimeSlice slice,
                                             boolean confidentialContentShown) {
        MeetingFold meeting = new MeetingFold();
        boolean convened = false;
        for (DatedEvent e : slice.of(history.dated())) {
            convened |= e.name().equals("MeetingConvened");
            meeting.apply(e.name(), e.event().data());
        }
        if (!convened) {
            return Optional.empty();
        }
        return Optional.of(meeting.view(history, slice, confidentialContentShown));
    }

    private void apply(String type, JsonNode d) {
        switch (type) {
            case "MeetingConvened" -> {
                organName = Json.text(d, "organName");
                kind = Json.text(d, "kind");
                convenerId = Json.text(d, "convenerId");
                convenerBasis = Json.text(d, "convenerBasis");
                scheduledAt = Json.instant(d, "scheduledAt");
                noticeGivenAt = Json.instant(d, "noticeGivenAt");
                emergency = Json.bool(d, "emergency");
                emergencyReason = Json.text(d, "emergencyReason");
                recorderId = Json.text(d, "recorderId");
                Json.nodes(d, "agenda").forEach(this::addItem);
                Json.nodes(d, "nonVotingAttendees").forEach(a -> attendees.add(Json.text(a, "name")));
                Json.nodes(d, "votingMembers").forEach(m -> votingMembers.add(Json.text(m, "memberId")));
            }
            case "AgendaItemAdded" -> {
                JsonNode item = Json.at(d, "item");
                if (item != null) {
                    addItem(item);
                }
            }
            case "ItemPreparationRecorded" -> item(d).preparation.add(Json.text(d, "step"));
            case "MeetingOpened" -> {
                openedAt = Json.instant(d, "openedAt");
                List<JsonNode> members = Json.nodes(d, "votingMembers");
                if (!members.isEmpty()) {
                    votingMembers.clear();
                    members.forEach(m -> votingMembers.add(Json.text(m, "memberId")));
                }
                present.addAll(Json.texts(d, "present"));
                Json.nodes(d, "absent").forEach(a -> absent.add(new MeetingView.Absence(Json.text(a, "memberId"),
                        Json.text(a, "writtenOpinion"))));
            }
            case "MemberRecused" -> {
                ItemState item = item(d);
                item.recusals.add(Json.text(d, "memberId"));
                item.recusalReasons.add(new MeetingView.Recusal(Json.text(d, "memberId"), Json.text(d, "reason")));
            }
            case "VotingOpened" -> {
                ItemState item = item(d);
                item.status = ItemStatus.VOTING;
                item.method = Json.text(d, "method");
            }
            case "VoteRecorded" -> {
                ItemState item = item(d);
                item.votesCast++;
                item.votes.add(new MeetingView.Vote(Json.text(d, "memberId"), Json.text(d, "choice")));
            }
            case "ItemAdopted", "ItemRejected" -> {
                ItemState item = item(d);
                item.status = type.equals("ItemAdopted") ? ItemStatus.ADOPTED : ItemStatus.REJECTED;
                item.forVotes = Json.optionalInteger(d, "forVotes");
                item.againstVotes = Json.optionalInteger(d, "againstVotes");
                item.abstentions = Json.optionalInteger(d, "abstentions");
                item.membersWhoShouldAttend = Json.optionalInteger(d, "membersWhoShouldAttend");
                item.method = orElse(Json.text(d, "method"), item.method);
                item.decisionId = Json.text(d, "decisionId");
            }
            case "ItemDeferred" -> {
                ItemState item = item(d);
                item.status = ItemStatus.DEFERRED;
                item.deferReason = Json.text(d, "reason");
            }
            case "MinutesRecorded" -> {
                minutesStatus = MeetingView.MinutesStatus.RECORDED;
                recorderId = orElse(Json.text(d, "recorderId"), recorderId);
                minutesText = Json.text(d, "text");
            }
            case "MinutesIssued" -> {
                minutesStatus = MeetingView.MinutesStatus.ISSUED;
                signedBy = Json.text(d, "signedBy");
                issuedAt = Json.instant(d, "issuedAt");
                JsonNode scope = Json.at(d, "circulation");
                circulation = scope == null ? null
                        : new MeetingView.Circulation(Json.texts(scope, "roles"), Json.texts(scope, "committees"));
            }
            case "MeetingAdjourned" -> {
                adjournedAt = Json.instant(d, "at");
                for (String id : Json.texts(d, "undecidedItemIds")) {
                    if (items.containsKey(id)) {
                        items.get(id).status = ItemStatus.UNDECIDED;
                    }
                }
            }
            default -> {
            }
        }
    }

    private void addItem(JsonNode item) {
        String id = Json.text(item, "itemId");
        items.put(id, new ItemState(id, Json.text(item, "title"), Json.text(item, "category"),
                Json.bool(item, "macroPolicy"), Json.text(item, "reconsidersDecisionId")));
    }

    /** The item an event names; one unknown to the agenda so far is kept rather than lost. */
    private ItemState item(JsonNode d) {
        String id = Json.text(d, "itemId");
        return items.computeIfAbsent(id, k -> new ItemState(k, Json.text(d, "title"), Json.text(d, "category"),
                false, null));
    }

    private MeetingView view(DatedHistory history, TimeSlice slice, boolean confidentialContentShown) {
        MeetingView.Status status = adjournedAt != null ? MeetingView.Status.ADJOURNED
                : openedAt != null ? MeetingView.Status.OPEN : MeetingView.Status.CONVENED;
        return new MeetingView(history.id(), history.organId(), history.committeeId(), organName, slice.asOf(),
                slice.knownAt(), kind, status, convenerId, convenerBasis, scheduledAt, noticeGivenAt, emergency,
                emergencyReason, openedAt, adjournedAt,
                new MeetingView.Attendance(List.copyOf(votingMembers), List.copyOf(present), List.copyOf(absent),
                        List.copyOf(attendees)),
                items.values().stream().map(ItemState::view).toList(),
                new MeetingView.Minutes(minutesStatus, recorderId, signedBy, issuedAt, minutesText, circulation),
                confidentialContentShown);
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static final class ItemState {
        final String itemId;
        final String title;
        final String category;
        final boolean macroPolicy;
        final String reconsidersDecisionId;
        final List<String> preparation = new ArrayList<>();
        final List<String> recusals = new ArrayList<>();
        final List<MeetingView.Recusal> recusalReasons = new ArrayList<>();
        final List<MeetingView.Vote> votes = new ArrayList<>();
        ItemStatus status = ItemStatus.PENDING;
        int votesCast;
        Integer forVotes;
        Integer againstVotes;
        Integer abstentions;
        Integer membersWhoShouldAttend;
        String method;
        String decisionId;
        String deferReason;

        ItemState(String itemId, String title, String category, boolean macroPolicy, String reconsidersDecisionId) {
            this.itemId = itemId;
            this.title = title;
            this.category = category;
            this.macroPolicy = macroPolicy;
            this.reconsidersDecisionId = reconsidersDecisionId;
        }

        MeetingView.Item view() {
            return new MeetingView.Item(itemId, title, category, macroPolicy, status, List.copyOf(preparation),
                    List.copyOf(recusals), votesCast, forVotes, againstVotes, abstentions, membersWhoShouldAttend,
                    method, decisionId, deferReason, reconsidersDecisionId, List.copyOf(recusalReasons),
                    List.copyOf(votes));
        }
    }
}
