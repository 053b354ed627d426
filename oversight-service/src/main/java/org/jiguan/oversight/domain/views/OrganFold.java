package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.domain.views.OrganProfile.AccountabilityMeasure;
import org.jiguan.oversight.domain.views.OrganProfile.AnnualReport;
import org.jiguan.oversight.domain.views.OrganProfile.Approval;
import org.jiguan.oversight.domain.views.OrganProfile.Assessment;
import org.jiguan.oversight.domain.views.OrganProfile.Duty;
import org.jiguan.oversight.domain.views.OrganProfile.Finding;
import org.jiguan.oversight.domain.views.OrganProfile.FormerInternalBody;
import org.jiguan.oversight.domain.views.OrganProfile.IntegrityStatement;
import org.jiguan.oversight.domain.views.OrganProfile.InternalBody;
import org.jiguan.oversight.domain.views.OrganProfile.Leader;
import org.jiguan.oversight.domain.views.OrganProfile.PersonalMattersReport;
import org.jiguan.oversight.domain.views.OrganProfile.Rectification;
import org.jiguan.oversight.domain.views.OrganProfile.SpecialReport;
import org.jiguan.oversight.domain.views.OrganProfile.SpecialReportRequest;
import org.jiguan.oversight.domain.views.OrganProfile.Tenure;

/**
 * Folds an organ's events into its {@link OrganProfile} at a {@link TimeSlice}. Pure: no Spring, no Mongo.
 * The events counted are those of the slice, applied by business date; an organ known but established after
 * the day shows its identity with status NOT_YET_ESTABLISHED and nothing else.
 */
public final class OrganFold {
    private String organId;
    private String committeeId;
    private String name;
    private String kind;
    private String mode;
    private LocalDate establishedOn;
    private LocalDate abolishedOn;
    private String abolitionReason;
    private String mergedInto;
    private final List<String> absorbed = new ArrayList<>();
    private String relatedDepartment;
    private String coordinationBody;
    private String field;
    private boolean countedInQuota;
    private Approval approval;
    private int staffingQuota;
    private Integer headcount;
    private LocalDate headcountAsOf;
    private int leadershipQuota;
    private final Map<String, Leader> leaders = new LinkedHashMap<>();
    private final Map<String, InternalBody> bodies = new LinkedHashMap<>();
    private final List<FormerInternalBody> formerBodies = new ArrayList<>();
    private final Map<String, Duty> duties = new LinkedHashMap<>();
    private final List<AnnualReport> annualReports = new ArrayList<>();
    private final List<SpecialReport> specialReports = new ArrayList<>();
    private final Map<String, RequestState> requests = new LinkedHashMap<>();
    private final Map<String, FindingState> findings = new LinkedHashMap<>();
    private final List<Assessment> assessments = new ArrayList<>();
    private final List<AccountabilityMeasure> measures = new ArrayList<>();
    private final List<IntegrityStatement> statements = new ArrayList<>();
    private final List<PersonalMattersReport> personalMatters = new ArrayList<>();
    private final List<Tenure> tenures = new ArrayList<>();

    private OrganFold() {
    }

    /** The organ at the slice; empty when nothing of it had been recorded by {@code knownAt}. */
    public static Optional<OrganProfile> fold(AggregateHistory history, TimeSlice slice) {
        return fold(history.datedHistory(), slice);
    }

    /** The same, from the dated events (a whole history's, or a read model's facts of it). */
    public static Optional<OrganProfile> fold(DatedHistory history, TimeSlice slice) {
        List<DatedEvent> dated = history.dated();
        List<DatedEvent> known = slice.knownOf(dated);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        OrganFold organ = new OrganFold();
        organ.organId = history.id();
        organ.committeeId = history.committeeId();
        List<DatedEvent> effective = slice.of(dated);
        effective.forEach(e -> organ.apply(e.name(), e.event().data(), e.businessDate()));
        boolean established = effective.stream().anyMatch(e -> e.name().equals("OrganCreated"));
        if (!established) {
            // Known but not yet established on the day: show who it will be, nothing it did.
            OrganFold identity = new OrganFold();
            identity.organId = organ.organId;
            identity.committeeId = organ.committeeId;
            known.stream().filter(e -> e.name().equals("OrganCreated")).findFirst()
                    .ifPresent(e -> identity.apply(e.name(), e.event().data(), e.businessDate()));
            return Optional.of(identity.profile(slice, OrganStatus.NOT_YET_ESTABLISHED, true));
        }
        OrganStatus status = organ.abolishedOn != null ? OrganStatus.ABOLISHED : OrganStatus.ACTIVE;
        return Optional.of(organ.profile(slice, status, false));
    }

    private void apply(String type, JsonNode d, LocalDate on) {
        switch (type) {
            case "OrganCreated" -> {
                name = Json.text(d, "name");
                kind = Json.text(d, "kind");
                mode = Json.text(d, "mode");
                establishedOn = Json.date(d, "establishedOn");
                staffingQuota = Json.integer(d, "staffingQuota");
                leadershipQuota = Json.integer(d, "leadershipQuota");
                relatedDepartment = Json.text(d, "relatedDepartment");
                coordinationBody = Json.text(d, "coordinationBody");
                field = Json.text(d, "field");
                countedInQuota = Json.at(d, "countedInQuota") == null || Json.bool(d, "countedInQuota");
                approval = approval(d);
            }
            case "OrganChanged" -> {
                // Carries the values in force after the change, changed or not.
                name = orElse(Json.text(d, "name"), name);
                staffingQuota = orElse(Json.optionalInteger(d, "staffingQuota"), staffingQuota);
                leadershipQuota = orElse(Json.optionalInteger(d, "leadershipQuota"), leadershipQuota);
            }
            case "OrganAbolished" -> {
                abolishedOn = on;
                abolitionReason = Json.text(d, "reason");
                mergedInto = Json.text(d, "mergedInto");
                leaders.clear();
            }
            case "OrgansMerged" -> absorbed.addAll(Json.texts(d, "absorbedOrganIds"));
            case "LeaderAppointed" -> {
                leaders.put(Json.text(d, "memberId"), new Leader(Json.text(d, "memberId"),
                        Json.text(d, "name"), Json.text(d, "role"), on, Json.bool(d, "concurrentUpperLevelPost")));
                tenures.add(new Tenure(Json.text(d, "memberId"), Json.text(d, "name"), Json.text(d, "role"), on,
                        null));
            }
            case "LeaderRemoved" -> {
                leaders.remove(Json.text(d, "memberId"));
                tenures.replaceAll(t -> t.memberId().equals(Json.text(d, "memberId")) && t.until() == null
                        ? new Tenure(t.memberId(), t.name(), t.role(), t.since(), on) : t);
            }
            case "InternalBodyEstablished" -> bodies.put(Json.text(d, "bodyId"),
                    new InternalBody(Json.text(d, "bodyId"), Json.text(d, "name"), on, null, null));
            case "InternalBodyAbolished" -> bodyEnded(Json.text(d, "bodyId"), on, null);
            case "InternalBodyChanged" -> bodies.computeIfPresent(Json.text(d, "bodyId"), (id, b) ->
                    new InternalBody(id, Json.text(d, "name"), b.establishedOn(), Json.text(d, "tasks"), on));
            case "InternalBodiesMerged" -> {
                String survivor = Json.text(d, "bodyId");
                Json.texts(d, "absorbedBodyIds").forEach(id -> bodyEnded(id, on, survivor));
                bodies.computeIfPresent(survivor, (id, b) ->
                        new InternalBody(id, Json.text(d, "name"), b.establishedOn(), b.tasks(), on));
            }
            case "HeadcountReported" -> {
                if (headcountAsOf == null || !on.isBefore(headcountAsOf)) {
                    headcount = Json.integer(d, "headcount");
                    headcountAsOf = on;
                }
            }
            case "DutyAssigned" -> duties.put(Json.text(d, "dutyCode"),
                    new Duty(Json.text(d, "dutyCode"), Json.text(d, "description")));
            case "AnnualReportFiled" -> annualReports.add(new AnnualReport(Json.integer(d, "year"), on,
                    Json.text(d, "documentNo"), Json.text(d, "summary"), Json.bool(d, "supplement"),
                    Json.text(d, "signedBy"), Json.text(d, "signingBasis")));
            case "SpecialReportRequested" -> requests.put(Json.text(d, "requestId"), new RequestState(
                    Json.text(d, "requestId"), Json.text(d, "subject"), on, Json.date(d, "dueOn"), null, null));
            case "SpecialReportFiled" -> {
                LocalDate dueOn = Json.date(d, "dueOn");
                String requestId = Json.text(d, "requestId");
                specialReports.add(new SpecialReport(Json.text(d, "reportId"), Json.text(d, "subject"), on,
                        Json.text(d, "documentNo"), Json.text(d, "relatesTo"), dueOn, requestId,
                        dueOn != null && on.isAfter(dueOn), Json.text(d, "signedBy"), Json.text(d, "signingBasis")));
                if (requestId != null) {
                    requests.computeIfPresent(requestId, (id, r) -> r.answeredBy() == null
                            ? r.answered(Json.text(d, "reportId"), on) : r);
                }
            }
            case "FindingRecorded" -> findings.put(Json.text(d, "findingId"), new FindingState(
                    Json.text(d, "findingId"), Json.text(d, "source"), Json.text(d, "description"),
                    Json.date(d, "rectifyBy"), on));
            case "RectificationReported" -> {
                FindingState finding = findings.get(Json.text(d, "findingId"));
                if (finding != null) {
                    finding.rectifications.add(new Rectification(on, Json.text(d, "description"),
                            Json.bool(d, "completed")));
                    if (Json.bool(d, "completed") && finding.rectifiedOn == null) {
                        finding.rectifiedOn = on;
                    }
                }
            }
            case "AssessmentRecorded" -> assessments.add(new Assessment(Json.integer(d, "year"),
                    Json.text(d, "grade"), on, Json.text(d, "circulation")));
            case "AccountabilityMeasureRecorded" -> measures.add(new AccountabilityMeasure(Json.text(d, "measureId"),
                    Json.text(d, "memberId"), Json.text(d, "measure"), Json.text(d, "reason"), on));
            case "IntegrityStatementFiled" -> statements.add(new IntegrityStatement(Json.text(d, "memberId"),
                    Json.integer(d, "year"), on));
            case "PersonalMattersReportFiled" -> personalMatters.add(new PersonalMattersReport(
                    Json.text(d, "memberId"), Json.integer(d, "year"), on));
            default -> {
                // An event type this view does not show; kept in the history all the same.
            }
        }
    }

    private void bodyEnded(String bodyId, LocalDate on, String mergedInto) {
        InternalBody body = bodies.remove(bodyId);
        if (body != null) {
            formerBodies.add(new FormerInternalBody(bodyId, body.name(), body.establishedOn(), on, mergedInto));
        }
    }

    private static Approval approval(JsonNode d) {
        JsonNode a = Json.at(d, "approval");
        return a == null ? null : new Approval(Json.text(a, "proposedBy"), Json.text(a, "approvedBy"),
                Json.text(a, "approverCommitteeId"), Json.text(a, "documentNo"), Json.date(a, "approvedOn"));
    }

    private OrganProfile profile(TimeSlice slice, OrganStatus status, boolean identityOnly) {
        LocalDate day = slice.asOf();
        List<Leader> current = identityOnly ? List.of() : List.copyOf(leaders.values());
        boolean principal = current.stream().anyMatch(l -> "PRINCIPAL".equals(l.role()));
        List<Finding> shownFindings = findings.values().stream().map(f -> f.on(day)).toList();
        return new OrganProfile(organId, committeeId, day.equals(LocalDate.MAX) ? null : day, slice.knownAt(), name,
                kind, mode, status, establishedOn, abolishedOn, abolitionReason, mergedInto, List.copyOf(absorbed),
                relatedDepartment, coordinationBody, field, countedInQuota, approval,
                new OrganProfile.Staffing(identityOnly ? 0 : staffingQuota, headcount, headcountAsOf),
                new OrganProfile.Leadership(identityOnly ? 0 : leadershipQuota, current.size(), !principal, current),
                List.copyOf(bodies.values()), List.copyOf(formerBodies), List.copyOf(duties.values()),
                annualReports.stream().sorted(Comparator.comparingInt(AnnualReport::year)
                        .thenComparing(AnnualReport::filedOn)).toList(),
                List.copyOf(specialReports), requests.values().stream().map(r -> r.on(day)).toList(), shownFindings, List.copyOf(assessments), List.copyOf(measures),
                List.copyOf(statements), List.copyOf(personalMatters), List.copyOf(tenures));
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** A special-report request as recorded so far; its status depends on the day it is looked at (R-SUP-3). */
    private record RequestState(String requestId, String subject, LocalDate requestedOn, LocalDate dueOn,
                                String answeredBy, LocalDate answeredOn) {
        RequestState answered(String reportId, LocalDate on) {
            return new RequestState(requestId, subject, requestedOn, dueOn, reportId, on);
        }

        SpecialReportRequest on(LocalDate day) {
            SpecialReportRequestStatus status;
            long days = 0;
            if (answeredOn != null) {
                days = daysPast(dueOn, answeredOn);
                status = days > 0 ? SpecialReportRequestStatus.ANSWERED_LATE : SpecialReportRequestStatus.ANSWERED;
            } else if (day.isAfter(dueOn)) {
                status = SpecialReportRequestStatus.OVERDUE;
                days = daysPast(dueOn, day);
            } else {
                status = SpecialReportRequestStatus.PENDING;
            }
            return new SpecialReportRequest(requestId, subject, requestedOn, dueOn, status, answeredBy, answeredOn,
                    days);
        }
    }

    /** Days from a due date to a later day; none for "everything, whatever its date" ({@link LocalDate#MAX}). */
    private static long daysPast(LocalDate dueOn, LocalDate day) {
        return day.equals(LocalDate.MAX) || !day.isAfter(dueOn) ? 0 : ChronoUnit.DAYS.between(dueOn, day);
    }

    /** A finding as recorded so far; its status depends on the day it is looked at. */
    private static final class FindingState {
        final String findingId;
        final String source;
        final String description;
        final LocalDate rectifyBy;
        final LocalDate recordedOn;
        final List<Rectification> rectifications = new ArrayList<>();
        LocalDate rectifiedOn;

        FindingState(String findingId, String source, String description, LocalDate rectifyBy, LocalDate recordedOn) {
            this.findingId = findingId;
            this.source = source;
            this.description = description;
            this.rectifyBy = rectifyBy;
            this.recordedOn = recordedOn;
        }

        /** R-SUP-4: an open finding past its deadline is overdue. */
        Finding on(LocalDate day) {
            FindingStatus status;
            long daysOverdue = 0;
            if (rectifiedOn != null) {
                status = FindingStatus.RECTIFIED;
            } else if (rectifyBy != null && day.isAfter(rectifyBy)) {
                status = FindingStatus.OVERDUE;
                daysOverdue = daysPast(rectifyBy, day);
            } else {
                status = FindingStatus.OPEN;
            }
            return new Finding(findingId, source, description, rectifyBy, recordedOn, status, rectifiedOn,
                    daysOverdue, List.copyOf(rectifications));
        }
    }
}
