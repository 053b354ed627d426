package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One aggregate's read model: the business-dated facts the list queries need (ARCHITECTURE.md "Storage and
 * messaging"), kept event by event as the consumers apply them. Pure: no Mongo. Each fact is an event of a type the
 * lists read ({@link #KEPT}), dated when it arrives by the same {@link BusinessDates.Dater} a whole history is dated
 * with, its data without the texts no list shows; every other event leaves only its recorded instant (the earliest
 * of them, {@code elidedAt}), so "was anything of it known at {@code knownAt}" is answered as from the whole
 * history. The folds read {@link #dated()} as they read a whole history, so a list gives the same answer from
 * either, for any {@code asOf} and {@code knownAt} (tested: {@code ReadModelPropertyTest}).
 * <p>Only the contiguous history counts, as in the histories: an event is applied when its sequence is the next
 * one ({@code next}); a repeat changes nothing; one ahead of a gap is not applied and is remembered
 * ({@code maxSeen}), and once the gap is filled the row is made again from the (contiguous) history
 * ({@link #rebuilt}).
 */
public final class ReadRow {
    /** The event types each kind's lists read; the others are elided. */
    public static final Map<AggregateKind, Set<String>> KEPT = Map.of(
            AggregateKind.ORGAN, Set.of("OrganCreated", "OrganChanged", "OrganAbolished", "LeaderAppointed",
                    "LeaderRemoved", "HeadcountReported", "AnnualReportFiled", "SpecialReportRequested",
                    "SpecialReportFiled", "FindingRecorded", "RectificationReported", "AssessmentRecorded",
                    "AccountabilityMeasureRecorded", "IntegrityStatementFiled", "PersonalMattersReportFiled"),
            AggregateKind.COMMITTEE, Set.of("CommitteeRegistered", "OrganQuotaSet", "OrganQuotaSlotTaken",
                    "OrganQuotaSlotReleased"),
            AggregateKind.MEETING, Set.of("MeetingConvened", "MeetingOpened", "MeetingAdjourned"),
            AggregateKind.DECISION, Set.of("DecisionTaken", "UrgentDecisionTaken", "UrgentDecisionReported",
                    "DecisionReportedToCommittee", "CommitteeReplyRecorded", "DecisionRevokedByCommittee",
                    "DecisionReconsidered", "DecisionTaskAssigned", "TaskFeedbackReported"));
    /** Fields of kept events that no list shows (only an aggregate's own page, which folds its history). */
    private static final Map<String, Set<String>> DROPPED_FIELDS = Map.of(
            "AnnualReportFiled", Set.of("summary"),
            "MeetingConvened", Set.of("agenda", "nonVotingAttendees"));
    /** The type of the one fact that stands for the elided events: no fold applies it. */
    static final String ELIDED = "jiguan.oversight.Elided";

    private final AggregateKind kind;
    private final String id;
    private String committeeId;
    private String organId;
    private long next;
    private long maxSeen;
    private final BusinessDates.Dater dater;
    private Instant elidedAt;
    private final List<DatedEvent> facts;

    /**
     * A row as stored.
     *
     * @param next    how many events of the contiguous history it holds
     * @param maxSeen the highest sequence offered so far, -1 for none
     * @param first   the dater's first date so far; @param latest its latest
     */
    public ReadRow(AggregateKind kind, String id, String committeeId, String organId, long next, long maxSeen,
                   LocalDate first, LocalDate latest, Instant elidedAt, List<DatedEvent> facts) {
        this.kind = kind;
        this.id = id;
        this.committeeId = committeeId;
        this.organId = organId;
        this.next = next;
        this.maxSeen = maxSeen;
        this.dater = new BusinessDates.Dater(BusinessDates.inSequence(kind), first, latest);
        this.elidedAt = elidedAt;
        this.facts = new ArrayList<>(facts);
    }

    /** A copy to change, the original left as it is. */
    public ReadRow copy() {
        return new ReadRow(kind, id, committeeId, organId, next, maxSeen, first(), latest(), elidedAt, facts);
    }

    public static ReadRow empty(AggregateKind kind, String id, String committeeId, String organId) {
        return new ReadRow(kind, id, committeeId, organId, 0, -1, null, null, null, List.of());
    }

    /**
     * The row made again from an aggregate's contiguous history (as {@code HistoryStore.load} gives it).
     *
     * @param maxSeen the highest sequence offered to the row so far
     */
    public static ReadRow rebuilt(AggregateHistory contiguous, long maxSeen) {
        ReadRow row = empty(contiguous.kind(), contiguous.id(), contiguous.committeeId(), contiguous.organId());
        for (RecordedEvent event : contiguous.events()) {
            row.offer(event);
        }
        row.maxSeen = Math.max(row.maxSeen, maxSeen);
        return row;
    }

    /** What offering an event did. */
    public enum Offered {
        /** The next event in sequence: applied. */
        APPLIED,
        /** Held already: nothing changed. */
        REPEAT,
        /** Ahead of a gap: not applied, remembered in {@code maxSeen}. */
        AHEAD
    }

    /** Offers the aggregate's events one at a time, in sequence order for best effect. */
    public Offered offer(RecordedEvent event) {
        long sequence = event.sequence();
        if (sequence < next) {
            return Offered.REPEAT;
        }
        if (sequence > next) {
            maxSeen = Math.max(maxSeen, sequence);
            return Offered.AHEAD;
        }
        LocalDate day = dater.date(event);
        if (KEPT.get(kind).contains(event.name())) {
            facts.add(new DatedEvent(slim(event), day));
        } else if (elidedAt == null || event.recordedAt().isBefore(elidedAt)) {
            elidedAt = event.recordedAt();
        }
        next++;
        maxSeen = Math.max(maxSeen, sequence);
        return Offered.APPLIED;
    }

    /** Whether events ahead of a gap were offered that the row does not hold: the history holds them. */
    public boolean held() {
        return maxSeen >= next;
    }

    /** Takes the committee and organ an event placed the aggregate in (the latest event's win, as in the histories). */
    public void placedIn(String committeeId, String organId) {
        this.committeeId = committeeId;
        this.organId = organId;
    }

    /** The facts as the folds read them: the kept events, and one undated fact for the elided ones. */
    public DatedHistory dated() {
        List<DatedEvent> dated = new ArrayList<>(facts.size() + 1);
        if (elidedAt != null) {
            dated.add(new DatedEvent(new RecordedEvent(ELIDED, "elided", -1, elidedAt,
                    JsonNodeFactory.instance.objectNode()), LocalDate.MIN));
        }
        dated.addAll(facts);
        return new DatedHistory(kind, id, committeeId, organId, dated);
    }

    private static RecordedEvent slim(RecordedEvent event) {
        Set<String> dropped = DROPPED_FIELDS.get(event.name());
        if (dropped == null || !(event.data() instanceof ObjectNode data)) {
            return event;
        }
        ObjectNode kept = data.deepCopy();
        kept.remove(dropped);
        return new RecordedEvent(event.type(), event.eventId(), event.sequence(), event.recordedAt(), kept);
    }

    public AggregateKind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String committeeId() {
        return committeeId;
    }

    public String organId() {
        return organId;
    }

    public long next() {
        return next;
    }

    public long maxSeen() {
        return maxSeen;
    }

    public LocalDate first() {
        return dater.first();
    }

    public LocalDate latest() {
        return dater.latest();
    }

    public Instant elidedAt() {
        return elidedAt;
    }

    public int factCount() {
        return facts.size();
    }

    /** Facts {@code from} (inclusive) to {@code to} (exclusive), copied: a committee's row holds one per quota slot. */
    public List<DatedEvent> facts(int from, int to) {
        return List.copyOf(facts.subList(from, to));
    }
}
