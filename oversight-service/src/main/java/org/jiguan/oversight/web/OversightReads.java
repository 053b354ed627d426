package org.jiguan.oversight.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jiguan.oversight.messaging.HistoryStore;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.reports.ReminderPolicy;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.AnnualReportRow;
import org.jiguan.oversight.domain.views.CommitteeDashboard;
import org.jiguan.oversight.domain.views.CommitteeFold;
import org.jiguan.oversight.domain.views.CommitteeReportStatus;
import org.jiguan.oversight.domain.views.CommitteeRows;
import org.jiguan.oversight.domain.views.CommitteeView;
import org.jiguan.oversight.domain.views.DatedHistory;
import org.jiguan.oversight.domain.views.DecisionFold;
import org.jiguan.oversight.domain.views.DecisionStatus;
import org.jiguan.oversight.domain.views.DecisionView;
import org.jiguan.oversight.domain.views.FindingStatus;
import org.jiguan.oversight.domain.views.LeaderFilings;
import org.jiguan.oversight.domain.views.MeetingConfidentiality;
import org.jiguan.oversight.domain.views.MeetingFold;
import org.jiguan.oversight.domain.views.MeetingView;
import org.jiguan.oversight.domain.views.OrganFold;
import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.OrganStatus;
import org.jiguan.oversight.domain.views.ReadSource;
import org.jiguan.oversight.domain.views.Reader;
import org.jiguan.oversight.domain.views.ReportingContext;
import org.jiguan.oversight.domain.views.SpecialReportRequestStatus;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.security.Forbidden;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.time.BusinessCalendar;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The queries behind the API: fold at the asked slice, keep what the caller may see. A single aggregate (an organ's
 * profile, a history, a meeting) is its history, loaded by key; the lists and the dashboard read the read models
 * ({@link ReadSource}, kept by the consumers, each committee's read by key: ARCHITECTURE.md "oversight-service's
 * read models") and fold their business-dated facts with the same folds, so that no request scans or folds whole
 * histories.
 * <p>Scope (CONTRACT.md "Security": reads never show data outside the scope): what lies outside the caller's
 * committees (and, for an ORGAN_OFFICE caller with {@code organs}, outside those organs) is {@code 403} for a
 * single resource (an organ, its history, a meeting, a committee's dashboard; "out of scope: 403"), and simply
 * absent from a list, even when its {@code committeeId} filter names a committee outside the scope.
 */
@Component
public class OversightReads {
    private final Supplier<HistoryStore> histories;
    private final Supplier<ReadSource> readModels;
    private final Clock clock;

    @Autowired
    public OversightReads(Histories histories, Clock clock) {
        this(histories::live, histories::liveReadModels, clock);
    }

    /** @param readModels what the lists and the dashboard read (the live generation's read models) */
    public OversightReads(Supplier<HistoryStore> histories, Supplier<ReadSource> readModels, Clock clock) {
        this.histories = histories;
        this.readModels = readModels;
        this.clock = clock;
    }

    /** asOf defaults to today in Beijing (the injected business clock). */
    public TimeSlice slice(LocalDate asOf, Instant knownAt) {
        return new TimeSlice(asOf == null ? BusinessCalendar.today(clock) : asOf, knownAt);
    }

    public OrganProfile organ(String organId, TimeSlice slice) {
        AggregateHistory history = visible(AggregateKind.ORGAN, organId, "organ");
        return OrganFold.fold(history, slice)
                .orElseThrow(() -> new NotFound("No organ " + organId + " known at " + slice.knownAt()));
    }

    public Page<HistoryEntry> history(AggregateKind kind, String id, int page, int size) {
        AggregateHistory history = visible(kind, id, kind.name().toLowerCase());
        if (kind == AggregateKind.MEETING && !MeetingConfidentiality.readableBy(reader(), history)) {
            history = MeetingConfidentiality.outcomesOnly(history);
        }
        return Page.of(history.dated().stream().map(HistoryEntry::of).toList(), page, size);
    }

    public Page<OrganSummary> organs(String committeeId, String kind, OrganStatus status, TimeSlice slice, int page,
                                     int size) {
        List<String> committees = committeesInScope(committeeId);
        var organs = committees.stream().flatMap(c -> organSummaries(c, slice).stream())
                .filter(o -> kind == null || kind.equals(o.kind()))
                .filter(o -> status == null ? o.status() != OrganStatus.NOT_YET_ESTABLISHED : o.status() == status);
        // each committee's organs are in order already: sorting merges them
        return Page.of((committees.size() == 1 ? organs : organs.sorted(ORGANS_ORDER)).toList(), page, size);
    }

    /**
     * A committee's organs as of the day, the caller's alone, in the list's order; computed once per read-model
     * snapshot and slice when the caller sees the whole committee.
     */
    private List<OrganSummary> organSummaries(String committeeId, TimeSlice slice) {
        CommitteeRows rows = source().ofCommittee(AggregateKind.ORGAN, committeeId);
        if (!seesWhole(committeeId)) {
            return organSummaries(visibleOnly(rows), slice);
        }
        return rows.memo(new Listed("organs", committeeId, 0, slice, null), () -> organSummaries(rows, slice));
    }

    private static List<OrganSummary> organSummaries(List<DatedHistory> rows, TimeSlice slice) {
        return rows.stream().map(h -> organOn(h, slice)).flatMap(Optional::stream).map(OrganSummary::of)
                .sorted(ORGANS_ORDER).toList();
    }

    public MeetingView meeting(String meetingId, TimeSlice slice) {
        AggregateHistory history = visible(AggregateKind.MEETING, meetingId, "meeting");
        boolean shown = MeetingConfidentiality.readableBy(reader(), history);
        return MeetingFold.fold(shown ? history : MeetingConfidentiality.outcomesOnly(history), slice, shown)
                .orElseThrow(() -> new NotFound("Meeting " + meetingId + " was not convened by " + slice.asOf()));
    }

    public List<DecisionView> decisions(String organId, String committeeId, DecisionStatus status,
                                        CommitteeReportStatus reportStatus, TimeSlice slice) {
        List<DatedHistory> found = organId != null ? ofOrgan(AggregateKind.DECISION, organId, committeeId)
                : inScope(AggregateKind.DECISION, committeeId);
        List<DatedHistory> visible = found.stream()
                .filter(h -> committeeId == null || committeeId.equals(h.committeeId()))
                .filter(this::sees).toList();
        return folded(visible, slice, new HashMap<>()).stream()
                .filter(d -> status == null || d.status() == status)
                .filter(d -> reportStatus == null || d.committeeReport().status() == reportStatus)
                .sorted(Comparator.comparing(DecisionView::decidedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(DecisionView::decisionId))
                .toList();
    }

    public List<FindingRow> findings(String committeeId, String organId, FindingStatus status, TimeSlice slice) {
        return organsOnDay(committeeId, organId, slice).stream()
                .flatMap(o -> o.findings().stream().map(f -> FindingRow.of(o, f)))
                .filter(f -> status == null || f.status() == status)
                .sorted(Comparator.comparing(FindingRow::committeeId).thenComparing(FindingRow::organId)
                        .thenComparing(FindingRow::recordedOn, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    /** R-SUP-3: the committees' requests for special reports, with their status on the slice's day. */
    public List<SpecialReportRequestRow> specialReportRequests(String committeeId, String organId,
                                                               SpecialReportRequestStatus status, TimeSlice slice) {
        return organsOnDay(committeeId, organId, slice).stream()
                .flatMap(o -> o.specialReportRequests().stream().map(r -> SpecialReportRequestRow.of(o, r)))
                .filter(r -> status == null || r.status() == status)
                .sorted(Comparator.comparing(SpecialReportRequestRow::committeeId)
                        .thenComparing(SpecialReportRequestRow::dueOn)
                        .thenComparing(SpecialReportRequestRow::organId)
                        .thenComparing(SpecialReportRequestRow::requestId))
                .toList();
    }

    /**
     * R-SUP-5: one row per leader who sat on an organ's body in {@code year}, with the filings made by the slice's
     * day; with {@code missingOnly}, only those who have not filed both.
     */
    public List<LeaderFilingRow> leaderFilings(int year, String committeeId, String organId, boolean missingOnly,
                                               TimeSlice slice) {
        return organsOnDay(committeeId, organId, slice).stream()
                .filter(o -> o.status() != OrganStatus.NOT_YET_ESTABLISHED)
                .flatMap(o -> LeaderFilings.of(o, year).stream().map(m -> LeaderFilingRow.of(o, m)))
                .filter(r -> !missingOnly || !r.missing().isEmpty())
                .sorted(Comparator.comparing(LeaderFilingRow::committeeId).thenComparing(LeaderFilingRow::organId))
                .toList();
    }

    /**
     * One row per organ owing a report for {@code year} (FILED, PENDING, DUE, OVERDUE, ESCALATED); NOT_REQUIRED rows
     * only when {@code status} asks for them.
     */
    public List<AnnualReportRow> annualReports(int year, String committeeId, AnnualReportStatus status,
                                               TimeSlice slice) {
        List<String> committees = committeesInScope(committeeId);
        if (committees.size() == 1) {
            return reportRows(committees.get(0), year, status, slice);
        }
        // each committee's rows are in order already: sorting merges them
        return committees.stream().flatMap(c -> reportRows(c, year, status, slice).stream()).sorted(REPORTS_ORDER)
                .toList();
    }

    /**
     * A committee's report rows for a year with the status asked, the caller's alone, in the list's order; when the
     * caller sees the whole committee, computed once per read-model snapshot and slice, and kept with its JSON.
     */
    private List<AnnualReportRow> reportRows(String committeeId, int year, AnnualReportStatus status,
                                             TimeSlice slice) {
        Map<AggregateKind, CommitteeRows> rows = source().ofCommittee(committeeId, REPORTS_READ);
        CommitteeRows organs = rows.get(AggregateKind.ORGAN);
        if (!seesWhole(committeeId)) {
            return shownReportRows(visibleOnly(organs), year, status, slice, policyOf(rows, committeeId, slice));
        }
        return organs.memo(new Listed("reports", committeeId, year, slice,
                        Arrays.asList(new Same(rows.get(AggregateKind.COMMITTEE)), status)),
                () -> new KeptAnswer<>(shownReportRows(organs, year, status, slice,
                        policyOf(rows, committeeId, slice))));
    }

    /** The rows a list shows: those of {@code status}, else all but NOT_REQUIRED; sorted. */
    private static List<AnnualReportRow> shownReportRows(List<DatedHistory> organs, int year,
                                                         AnnualReportStatus status, TimeSlice slice,
                                                         ReminderPolicy policy) {
        return reportRows(organs, year, slice, policy).stream()
                .filter(r -> status == null ? r.status() != AnnualReportStatus.NOT_REQUIRED : r.status() == status)
                .sorted(REPORTS_ORDER).toList();
    }

    /**
     * Computed once per read-model snapshot of the committee, slice and year when the caller sees the whole committee
     * (an official of it, a viewer, an administrator); for a caller limited to some organs, from theirs alone.
     */
    public CommitteeDashboard dashboard(String committeeId, Integer year, TimeSlice slice) {
        if (!Caller.current().seesCommittee(committeeId)) {
            throw new Forbidden("Committee " + committeeId + " is outside the caller's scope");
        }
        int reportYear = year == null ? slice.asOf().getYear() - 1 : year;
        Map<AggregateKind, CommitteeRows> rows = source().ofCommittee(committeeId, List.of(AggregateKind.values()));
        if (!seesWhole(committeeId)) {
            return dashboard(committeeId, rows, reportYear, slice);
        }
        return rows.get(AggregateKind.ORGAN).memo(new Listed("dashboard", committeeId, reportYear, slice,
                        List.of(new Same(rows.get(AggregateKind.COMMITTEE)), new Same(rows.get(AggregateKind.MEETING)),
                                new Same(rows.get(AggregateKind.DECISION)))),
                () -> dashboard(committeeId, rows, reportYear, slice));
    }

    private CommitteeDashboard dashboard(String committeeId, Map<AggregateKind, CommitteeRows> rows, int reportYear,
                                         TimeSlice slice) {
        Optional<DatedHistory> committeeHistory = committeeRow(rows, committeeId);
        List<DatedHistory> organHistories = visibleOnly(rows.get(AggregateKind.ORGAN));
        if (committeeHistory.isEmpty() && organHistories.isEmpty()) {
            throw new NotFound("No committee " + committeeId);
        }
        CommitteeView committee = committeeHistory.flatMap(h -> committeeOn(h, slice)).orElse(null);
        List<OrganProfile> organs = organHistories.stream().map(h -> organOn(h, slice))
                .flatMap(Optional::stream).filter(o -> o.status() != OrganStatus.NOT_YET_ESTABLISHED).toList();
        List<MeetingView> meetings = visibleOnly(rows.get(AggregateKind.MEETING)).stream()
                .map(h -> meetingOn(h, slice)).flatMap(Optional::stream).toList();
        Map<String, Map<AggregateKind, CommitteeRows>> read = new HashMap<>(Map.of(committeeId, rows));
        List<DecisionView> decisions = folded(visibleOnly(rows.get(AggregateKind.DECISION)), slice, read);
        return CommitteeDashboard.of(committeeId, committee, organs,
                reportRows(organHistories, reportYear, slice, policyOf(rows, committeeId, slice)),
                meetings, decisions, reportYear, slice.asOf(), slice.knownAt());
    }

    /**
     * Decisions folded with what their reporting duties are judged against (R-DEC-1, R-MEET-14): each committee's
     * policy, loaded once, and, for an urgent decision, its organ's meetings, loaded once per organ.
     *
     * @param read the committees' rows already read (the others are read once each, and added)
     */
    private List<DecisionView> folded(List<DatedHistory> decisions, TimeSlice slice,
                                      Map<String, Map<AggregateKind, CommitteeRows>> read) {
        Map<String, ReportingContext> committees = new HashMap<>();
        Map<String, List<MeetingView>> organMeetings = new HashMap<>();
        List<DecisionView> views = new ArrayList<>();
        for (DatedHistory history : decisions) {
            Map<AggregateKind, CommitteeRows> rows = read.computeIfAbsent(history.committeeId(),
                    c -> source().ofCommittee(c, List.of(AggregateKind.COMMITTEE, AggregateKind.MEETING)));
            ReportingContext context = committees.computeIfAbsent(history.committeeId(),
                    c -> ReportingContext.of(committeeRow(rows, c).flatMap(h -> committeeOn(h, slice))));
            if (isUrgent(history)) {
                context = context.withMeetings(organMeetings.computeIfAbsent(history.organId(), o ->
                        rows.get(AggregateKind.MEETING).stream()
                                .filter(h -> o.equals(h.organId())).map(h -> meetingOn(h, slice))
                                .flatMap(Optional::stream).toList()));
            }
            DecisionFold.fold(history, slice, context).ifPresent(views::add);
        }
        return views;
    }

    private static boolean isUrgent(DatedHistory decision) {
        return decision.dated().stream().filter(e -> e.event().sequence() == 0).findFirst()
                .filter(e -> e.name().equals("UrgentDecisionTaken")).isPresent();
    }

    /** The report rows of one committee's organs, under its {@code policy}. */
    private static List<AnnualReportRow> reportRows(List<DatedHistory> organHistories, int year, TimeSlice slice,
                                                    ReminderPolicy policy) {
        TimeSlice everything = TimeSlice.everythingKnownAt(slice.knownAt());
        List<AnnualReportRow> rows = new ArrayList<>();
        for (DatedHistory history : organHistories) {
            Optional<OrganProfile> known = organOn(history, everything);
            if (known.isEmpty()) {
                continue;
            }
            history.memo(new ReportRowAt(year, slice, new Same(policy)), () -> {
                String name = organOn(history, slice).map(OrganProfile::name).orElse(known.get().name());
                return AnnualReportRow.of(policy, known.get(), name, year, slice.asOf());
            }).ifPresent(rows::add);
        }
        return rows;
    }

    /** The committee's policy on the day; the same instance while its read model is unchanged. */
    private static ReminderPolicy policyOf(Map<AggregateKind, CommitteeRows> rows, String committeeId,
                                           TimeSlice slice) {
        return committeeRow(rows, committeeId).map(h -> h.memo(new Folded("policy", slice),
                        () -> CommitteeView.Policy.followed(committeeOn(h, slice))))
                .orElseGet(() -> CommitteeView.Policy.followed(Optional.empty()));
    }

    /** An organ's annual-report row for a year at a slice under a policy (the instance: see {@link #policyOf}). */
    private record ReportRowAt(int year, TimeSlice slice, Same policy) {
    }

    /** Equal only to itself: a key part whose own equality would cost more than it saves (a calendar's days). */
    private record Same(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * A query's answer for one committee, year and slice, kept with the committee's rows it was computed from
     * ({@link CommitteeRows#memo}); {@code others}: the other snapshots it read.
     */
    private record Listed(String query, String committeeId, int year, TimeSlice slice, Object others) {
    }

    private static final Comparator<OrganSummary> ORGANS_ORDER = Comparator.comparing(OrganSummary::committeeId)
            .thenComparing(OrganSummary::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OrganSummary::organId);

    private static final Comparator<AnnualReportRow> REPORTS_ORDER = Comparator.comparing(AnnualReportRow::committeeId)
            .thenComparing(AnnualReportRow::organName, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(AnnualReportRow::organId);

    /** The kinds an annual-report list reads: the organs, and the committee for its policy. */
    private static final List<AggregateKind> REPORTS_READ = List.of(AggregateKind.COMMITTEE, AggregateKind.ORGAN);

    /** What a fold gave at a slice, kept with the read model it folded ({@link DatedHistory#memo}). */
    private record Folded(String fold, TimeSlice slice) {
    }

    private static Optional<OrganProfile> organOn(DatedHistory organ, TimeSlice slice) {
        return organ.memo(new Folded("organ", slice), () -> OrganFold.fold(organ, slice));
    }

    private static Optional<CommitteeView> committeeOn(DatedHistory committee, TimeSlice slice) {
        return committee.memo(new Folded("committee", slice), () -> CommitteeFold.fold(committee, slice));
    }

    private static Optional<MeetingView> meetingOn(DatedHistory meeting, TimeSlice slice) {
        return meeting.memo(new Folded("meeting", slice), () -> MeetingFold.fold(meeting, slice));
    }

    /** The committee's own read model among its committee's rows. */
    private static Optional<DatedHistory> committeeRow(Map<AggregateKind, CommitteeRows> rows, String committeeId) {
        return rows.get(AggregateKind.COMMITTEE).stream().filter(h -> h.id().equals(committeeId)).findFirst();
    }

    /** The organs in scope as of the day; with {@code organId}, that one alone, read by key. */
    private List<OrganProfile> organsOnDay(String committeeId, String organId, TimeSlice slice) {
        List<DatedHistory> organs = organId == null ? inScope(AggregateKind.ORGAN, committeeId)
                : source().one(AggregateKind.ORGAN, organId).stream()
                .filter(h -> committeeId == null || committeeId.equals(h.committeeId()))
                .filter(this::sees).toList();
        return organs.stream().map(h -> organOn(h, slice)).flatMap(Optional::stream).toList();
    }

    /**
     * An organ's aggregates of a kind: those of its committee ({@code committeeId}, else the organ's own, read by
     * key) that concern it.
     */
    private List<DatedHistory> ofOrgan(AggregateKind kind, String organId, String committeeId) {
        Optional<String> committee = committeeId != null ? Optional.of(committeeId)
                : source().one(AggregateKind.ORGAN, organId).map(DatedHistory::committeeId);
        return committee.map(c -> source().ofCommittee(kind, c).stream()
                .filter(h -> organId.equals(h.organId())).toList()).orElse(List.of());
    }

    /**
     * The caller's aggregates of a kind, in one committee or in all the caller's committees; with a {@code "<id>/**"}
     * scope, every committee's, kept when the caller sees them.
     */
    private List<DatedHistory> inScope(AggregateKind kind, String committeeId) {
        return visibleOnly(committeesInScope(committeeId).stream()
                .flatMap(c -> source().ofCommittee(kind, c).stream()).toList());
    }

    /** The committee asked for if the caller sees it, else all the caller's committees (see {@link #inScope}). */
    private List<String> committeesInScope(String committeeId) {
        Caller caller = Caller.current();
        if (committeeId != null) {
            return caller.seesCommittee(committeeId) ? List.of(committeeId) : List.of();
        } else if (caller.isAdmin() || caller.committees().contains(Caller.ALL) || caller.reachesBelow()) {
            return source().committees().stream().filter(caller::seesCommittee).toList();
        }
        return List.copyOf(caller.committees());
    }

    /**
     * Whether the caller sees every aggregate of the committee: then what is computed from its rows is the same for
     * every such caller, and is kept with them.
     */
    private static boolean seesWhole(String committeeId) {
        Caller caller = Caller.current();
        return caller.seesCommittee(committeeId) && (caller.organs().isEmpty() || caller.isAdmin()
                || caller.has(Caller.Role.COMMITTEE_OFFICE) || caller.has(Caller.Role.OVERSIGHT_VIEWER));
    }

    private List<DatedHistory> visibleOnly(List<DatedHistory> histories) {
        return histories.stream().filter(this::sees).toList();
    }

    private boolean sees(DatedHistory history) {
        Caller caller = Caller.current();
        return history.kind() == AggregateKind.COMMITTEE ? caller.seesCommittee(history.id())
                : caller.seesOrgan(history.committeeId(), Objects.requireNonNullElse(history.organId(), history.id()));
    }

    private boolean sees(AggregateHistory history) {
        Caller caller = Caller.current();
        return history.kind() == AggregateKind.COMMITTEE ? caller.seesCommittee(history.id())
                : caller.seesOrgan(history.committeeId(), Objects.requireNonNullElse(history.organId(), history.id()));
    }

    private AggregateHistory visible(AggregateKind kind, String id, String what) {
        AggregateHistory history = store().load(kind, id).orElseThrow(() -> new NotFound("No " + what + " " + id));
        if (!sees(history)) {
            throw new Forbidden("The " + what + " " + id + " is outside the caller's scope");
        }
        return history;
    }

    /** The caller in the terms of the views (R-MEET-15). */
    private static Reader reader() {
        Caller caller = Caller.current();
        return new Reader(caller.roles().stream().map(Enum::name).collect(Collectors.toSet()), caller.committees(),
                caller.organs());
    }

    private HistoryStore store() {
        return histories.get();
    }

    private ReadSource source() {
        return readModels.get();
    }
}
