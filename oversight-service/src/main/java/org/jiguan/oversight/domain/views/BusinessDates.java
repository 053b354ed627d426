package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiguan.platform.time.BusinessCalendar;

/**
 * The business date of each event: the day the act happened, by its own fields, so that "as of" a date follows
 * the acts and not when they were typed in (CONTRACT.md, oversight-service). Instants are taken as their date
 * in Beijing (Asia/Shanghai).
 *
 * <table>
 *   <caption>Business date per event type</caption>
 *   <tr><th>event</th><th>business date</th></tr>
 *   <tr><td>CommitteeRegistered</td><td>since ever ({@link LocalDate#MIN}): a committee predates its organs</td></tr>
 *   <tr><td>OrganQuotaSet</td><td>approval.approvedOn</td></tr>
 *   <tr><td>OrganQuotaSlotTaken, OrganQuotaSlotReleased</td><td>on</td></tr>
 *   <tr><td>OrganCreated</td><td>establishedOn</td></tr>
 *   <tr><td>OrganChanged</td><td>changedOn</td></tr>
 *   <tr><td>OrganAbolished</td><td>abolishedOn</td></tr>
 *   <tr><td>OrgansMerged</td><td>mergedOn</td></tr>
 *   <tr><td>LeaderAppointed</td><td>since</td></tr>
 *   <tr><td>LeaderRemoved</td><td>removedOn</td></tr>
 *   <tr><td>InternalBodyEstablished</td><td>establishedOn</td></tr>
 *   <tr><td>InternalBodyAbolished</td><td>abolishedOn</td></tr>
 *   <tr><td>InternalBodyChanged</td><td>changedOn</td></tr>
 *   <tr><td>InternalBodiesMerged</td><td>mergedOn</td></tr>
 *   <tr><td>HeadcountReported</td><td>asOf</td></tr>
 *   <tr><td>AnnualReportFiled, SpecialReportFiled, IntegrityStatementFiled, PersonalMattersReportFiled</td>
 *       <td>filedOn</td></tr>
 *   <tr><td>SpecialReportRequested</td><td>requestedOn</td></tr>
 *   <tr><td>FindingRecorded</td><td>recordedOn</td></tr>
 *   <tr><td>RectificationReported</td><td>reportedOn</td></tr>
 *   <tr><td>AssessmentRecorded</td><td>assessedOn</td></tr>
 *   <tr><td>AccountabilityMeasureRecorded</td><td>decidedOn</td></tr>
 *   <tr><td>DutyAssigned</td><td>no date of its own: carried (see below)</td></tr>
 *   <tr><td>MeetingConvened</td><td>noticeGivenAt, else scheduledAt (an emergency meeting gives no notice)</td></tr>
 *   <tr><td>ItemPreparationRecorded</td><td>completedOn</td></tr>
 *   <tr><td>MeetingOpened</td><td>openedAt</td></tr>
 *   <tr><td>ItemAdopted, ItemRejected</td><td>decidedAt</td></tr>
 *   <tr><td>MinutesIssued</td><td>issuedAt</td></tr>
 *   <tr><td>MeetingAdjourned</td><td>at</td></tr>
 *   <tr><td>AgendaItemAdded, MemberRecused, VotingOpened, VoteRecorded, ItemDeferred, MinutesRecorded</td>
 *       <td>no date of their own, they happen in the meeting: carried (see below)</td></tr>
 *   <tr><td>DecisionTaken, UrgentDecisionTaken</td><td>decidedOn</td></tr>
 *   <tr><td>UrgentDecisionReported, DecisionReportedToCommittee</td><td>reportedOn</td></tr>
 *   <tr><td>CommitteeReplyRecorded</td><td>repliedOn</td></tr>
 *   <tr><td>DecisionReconsidered, DecisionRevokedByCommittee</td><td>on</td></tr>
 *   <tr><td>DecisionTaskAssigned</td><td>no date of its own: carried (see below)</td></tr>
 *   <tr><td>TaskFeedbackReported</td><td>reportedOn</td></tr>
 *   <tr><td>any other type</td><td>recordedAt (ce_time)</td></tr>
 * </table>
 * <p>"Carried": an act that has no date of its own takes the latest business date of the aggregate's events before
 * it (the meeting's opening for a vote; the decision for its task; the organ's last act for a duty from its
 * three-determinations provisions), or its recorded date when it is the first. A meeting's or decision's acts are
 * never dated before its first one. Dating these by when they were
 * recorded would hide, as of any past day, a task or a duty typed in after the fact, and with it an overdue task.
 */
public final class BusinessDates {
    private static final Map<String, List<String>> FIELDS = Map.ofEntries(
            Map.entry("OrganQuotaSet", List.of("approval.approvedOn")),
            Map.entry("OrganQuotaSlotTaken", List.of("on")),
            Map.entry("OrganQuotaSlotReleased", List.of("on")),
            Map.entry("OrganCreated", List.of("establishedOn")),
            Map.entry("OrganChanged", List.of("changedOn")),
            Map.entry("OrganAbolished", List.of("abolishedOn")),
            Map.entry("OrgansMerged", List.of("mergedOn")),
            Map.entry("LeaderAppointed", List.of("since")),
            Map.entry("LeaderRemoved", List.of("removedOn")),
            Map.entry("InternalBodyEstablished", List.of("establishedOn")),
            Map.entry("InternalBodyAbolished", List.of("abolishedOn")),
            Map.entry("InternalBodyChanged", List.of("changedOn")),
            Map.entry("InternalBodiesMerged", List.of("mergedOn")),
            Map.entry("HeadcountReported", List.of("asOf")),
            Map.entry("AnnualReportFiled", List.of("filedOn")),
            Map.entry("SpecialReportFiled", List.of("filedOn")),
            Map.entry("SpecialReportRequested", List.of("requestedOn")),
            Map.entry("IntegrityStatementFiled", List.of("filedOn")),
            Map.entry("PersonalMattersReportFiled", List.of("filedOn")),
            Map.entry("FindingRecorded", List.of("recordedOn")),
            Map.entry("RectificationReported", List.of("reportedOn")),
            Map.entry("AssessmentRecorded", List.of("assessedOn")),
            Map.entry("AccountabilityMeasureRecorded", List.of("decidedOn")),
            Map.entry("MeetingConvened", List.of("noticeGivenAt", "scheduledAt")),
            Map.entry("ItemPreparationRecorded", List.of("completedOn")),
            Map.entry("MeetingOpened", List.of("openedAt")),
            Map.entry("ItemAdopted", List.of("decidedAt")),
            Map.entry("ItemRejected", List.of("decidedAt")),
            Map.entry("MinutesIssued", List.of("issuedAt")),
            Map.entry("MeetingAdjourned", List.of("at")),
            Map.entry("DecisionTaken", List.of("decidedOn")),
            Map.entry("UrgentDecisionTaken", List.of("decidedOn")),
            Map.entry("UrgentDecisionReported", List.of("reportedOn")),
            Map.entry("DecisionReportedToCommittee", List.of("reportedOn")),
            Map.entry("CommitteeReplyRecorded", List.of("repliedOn")),
            Map.entry("DecisionReconsidered", List.of("on")),
            Map.entry("DecisionRevokedByCommittee", List.of("on")),
            Map.entry("TaskFeedbackReported", List.of("reportedOn")));
    /** Acts that carry no date: dated with the aggregate's previous act. */
    private static final Set<String> CARRIED = Set.of("AgendaItemAdded", "MemberRecused", "VotingOpened",
            "VoteRecorded", "ItemDeferred", "MinutesRecorded", "DecisionTaskAssigned", "DutyAssigned");
    private static final String SINCE_EVER = "CommitteeRegistered";

    private BusinessDates() {
    }

    /**
     * Dates a history's events, given in sequence order. An act without a date of its own takes the latest date
     * of the acts before it.
     *
     * @param inSequence the aggregate's acts cannot predate its first one (a meeting, a decision): preparation
     *                   completed before the meeting was convened counts from the convening
     */
    public static List<DatedEvent> date(List<RecordedEvent> events, boolean inSequence) {
        List<DatedEvent> dated = new ArrayList<>(events.size());
        Dater dater = new Dater(inSequence, null, null);
        for (RecordedEvent event : events) {
            dated.add(new DatedEvent(event, dater.date(event)));
        }
        return dated;
    }

    /** Whether an aggregate kind's acts cannot predate its first one (a meeting's, a decision's). */
    public static boolean inSequence(AggregateKind kind) {
        return kind == AggregateKind.MEETING || kind == AggregateKind.DECISION;
    }

    /**
     * Dates one history's events one at a time, in sequence order, as {@link #date} does all at once; its state
     * (the first and the latest date so far) can be kept and resumed, so a read model dates each event as it
     * arrives.
     */
    public static final class Dater {
        private final boolean inSequence;
        private LocalDate first;
        private LocalDate latest;

        /** @param first the first act's date so far, null before it; @param latest the latest date so far, or null */
        public Dater(boolean inSequence, LocalDate first, LocalDate latest) {
            this.inSequence = inSequence;
            this.first = first;
            this.latest = latest;
        }

        /** The business date of the next event in sequence. */
        public LocalDate date(RecordedEvent event) {
            LocalDate day = CARRIED.contains(event.name()) && latest != null && !latest.equals(LocalDate.MIN)
                    ? latest : own(event);
            if (inSequence && first != null && day.isBefore(first)) {
                day = first;
            }
            first = first == null ? day : first;
            latest = latest == null || day.isAfter(latest) ? day : latest;
            return day;
        }

        public LocalDate first() {
            return first;
        }

        public LocalDate latest() {
            return latest;
        }
    }

    /**
     * The event's own business date, or its recorded date in Beijing when it has none.
     *
     * @throws IllegalArgumentException when the type's date field is missing or no date, so the event can never
     *                                  be placed in time (the consumer dead-letters it)
     */
    public static LocalDate own(RecordedEvent event) {
        if (event.name().equals(SINCE_EVER)) {
            return LocalDate.MIN;
        }
        if (CARRIED.contains(event.name())) {
            return BusinessCalendar.dateOf(event.recordedAt());
        }
        List<String> fields = FIELDS.get(event.name());
        if (fields == null) {
            return BusinessCalendar.dateOf(event.recordedAt());
        }
        for (String field : fields) {
            String value = Json.text(event.data(), field);
            if (value != null) {
                try {
                    return Json.parseDay(value);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(event.name() + "." + field + " is not a date: '" + value + "'");
                }
            }
        }
        throw new IllegalArgumentException(event.name() + " has no " + String.join(" or ", fields));
    }
}
