package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * A committee's oversight counts at the end of a day (DOMAIN.md §6): organs against quota, leadership posts
 * against 领导职数, staff against 编制, annual-report compliance for a year, meetings, decisions, findings,
 * assessments and accountability. Pure: computed from the folded views.
 */
public record CommitteeDashboard(String committeeId, String name, int year, LocalDate asOf, Instant knownAt,
                                 Organs organs, Leadership leadership, Staffing staffing, AnnualReports annualReports,
                                 Meetings meetings, Decisions decisions, Findings findings, Assessments assessments,
                                 Accountability accountability, SpecialReportRequests specialReportRequests,
                                 LeaderFilingCounts leaderFilings) {

    /** R-COM-2: organs holding a quota slot against the quota in force. */
    public record Organs(int quota, int counted, boolean overQuota, int active, int abolished,
                         Map<String, Integer> activeByKind) {
    }

    /** R-LEAD-2: posts filled against the approved number, summed over active organs. */
    public record Leadership(int posts, int filled, int vacant, int organsOverQuota, int principalVacancies) {
    }

    /** R-ORG-6: last reported headcounts against the staffing quotas of active organs. */
    public record Staffing(int quota, int headcount, int organsReporting, int organsOverQuota) {
    }

    /** R-SUP-1/R-SUP-2: the organs' reports for {@code year} by status, with the days overdue of unfiled ones. */
    public record AnnualReports(int year, int owed, Map<AnnualReportStatus, Integer> byStatus, long daysOverdue) {
    }

    /** Meetings convened and held (opened) by the day; {@code heldInYear} those opened in the dashboard's year. */
    public record Meetings(int convened, int held, int heldInYear, Map<String, Integer> heldByKind) {
    }

    /**
     * @param pendingCommitteeReport decisions to be reported to the committee, its deadline not passed (R-DEC-1)
     * @param overdueCommitteeReport decisions not reported to the committee by its deadline (R-DEC-1)
     */
    public record Decisions(int total, Map<DecisionStatus, Integer> byStatus, int revocations, int openTasks,
                            int overdueTasks, int decisionsWithOverdueTasks, int pendingCommitteeReport,
                            int overdueCommitteeReport) {
    }

    public record Findings(int open, int overdue, int rectified) {
    }

    /** R-SUP-3: the committee's requests for special reports, by status on the day. */
    public record SpecialReportRequests(int pending, int overdue, int answered, int answeredLate) {
    }

    /**
     * R-SUP-5: for the dashboard's year, the leaders who sat on the organs' bodies and owed the yearly filings, and
     * how many of each filing are missing by the day.
     */
    public record LeaderFilingCounts(int year, int owed, int integrityStatementsMissing,
                                     int personalMattersReportsMissing) {
    }

    /** R-SUP-6: the year's assessment results by grade. */
    public record Assessments(int year, Map<String, Integer> byGrade) {
    }

    /** R-SUP-7: measures decided by the day, by kind, and those of the year. */
    public record Accountability(int total, Map<String, Integer> byMeasure, int inYear) {
    }

    /**
     * @param committee the committee's view, null if its registration is not known
     * @param organs    the committee's organs as of the day (those not yet established are ignored)
     * @param reports   the report rows for the year, NOT_REQUIRED included
     */
    public static CommitteeDashboard of(String committeeId, CommitteeView committee, List<OrganProfile> organs,
                                        List<AnnualReportRow> reports, List<MeetingView> meetings,
                                        List<DecisionView> decisions, int year, LocalDate asOf, Instant knownAt) {
        List<OrganProfile> active = organs.stream().filter(OrganProfile::activeOn).toList();
        int abolished = (int) organs.stream().filter(o -> o.status() == OrganStatus.ABOLISHED).count();
        int counted = committee != null ? committee.organsCounted()
                : (int) active.stream().filter(OrganProfile::countedInQuota).count();
        int quota = committee == null ? 0 : committee.organQuota();
        Organs organCounts = new Organs(quota, counted, committee != null && counted > quota, active.size(), abolished,
                countBy(active, OrganProfile::kind));

        int posts = active.stream().mapToInt(o -> o.leadership().quota()).sum();
        int filled = active.stream().mapToInt(o -> o.leadership().filled()).sum();
        Leadership leadership = new Leadership(posts, filled, Math.max(0, posts - filled),
                (int) active.stream().filter(o -> o.leadership().filled() > o.leadership().quota()).count(),
                (int) active.stream().filter(o -> o.leadership().principalVacant()).count());

        List<OrganProfile> reporting = active.stream().filter(o -> o.staffing().headcount() != null).toList();
        Staffing staffing = new Staffing(active.stream().mapToInt(o -> o.staffing().quota()).sum(),
                reporting.stream().mapToInt(o -> o.staffing().headcount()).sum(), reporting.size(),
                (int) reporting.stream().filter(o -> o.staffing().headcount() > o.staffing().quota()).count());

        Map<AnnualReportStatus, Integer> byStatus = new LinkedHashMap<>();
        Arrays.stream(AnnualReportStatus.values()).forEach(s -> byStatus.put(s, 0));
        reports.forEach(r -> byStatus.merge(r.status(), 1, Integer::sum));
        AnnualReports annual = new AnnualReports(year, (int) reports.stream().filter(r -> r.dueOn() != null).count(),
                byStatus, reports.stream().mapToLong(AnnualReportRow::daysOverdue).sum());

        List<MeetingView> held = meetings.stream().filter(m -> m.openedAt() != null).toList();
        Meetings meetingCounts = new Meetings(meetings.size(), held.size(),
                (int) held.stream().filter(m -> BusinessCalendar.dateOf(m.openedAt()).getYear() == year).count(),
                countBy(held, MeetingView::kind));

        Map<DecisionStatus, Integer> decisionsByStatus = new LinkedHashMap<>();
        Arrays.stream(DecisionStatus.values()).forEach(s -> decisionsByStatus.put(s, 0));
        decisions.forEach(d -> decisionsByStatus.merge(d.status(), 1, Integer::sum));
        Decisions decisionCounts = new Decisions(decisions.size(), decisionsByStatus,
                decisionsByStatus.get(DecisionStatus.REVOKED) + decisionsByStatus.get(DecisionStatus.CHANGED),
                (int) decisions.stream().flatMap(d -> d.tasks().stream()).filter(t -> !t.done()).count(),
                decisions.stream().mapToInt(DecisionView::overdueTasks).sum(),
                (int) decisions.stream().filter(d -> d.overdueTasks() > 0).count(),
                countReports(decisions, CommitteeReportStatus.PENDING),
                countReports(decisions, CommitteeReportStatus.OVERDUE));

        List<OrganProfile.Finding> findings = organs.stream().flatMap(o -> o.findings().stream()).toList();
        Findings findingCounts = new Findings(count(findings, FindingStatus.OPEN), count(findings, FindingStatus.OVERDUE),
                count(findings, FindingStatus.RECTIFIED));

        Assessments assessments = new Assessments(year, countBy(organs.stream()
                .flatMap(o -> o.assessments().stream()).filter(a -> a.year() == year).toList(),
                OrganProfile.Assessment::grade));

        List<OrganProfile.AccountabilityMeasure> measures = organs.stream()
                .flatMap(o -> o.accountabilityMeasures().stream()).toList();
        Accountability accountability = new Accountability(measures.size(),
                countBy(measures, OrganProfile.AccountabilityMeasure::measure),
                (int) measures.stream().filter(m -> m.decidedOn().getYear() == year).count());

        List<SpecialReportRequestStatus> requests = organs.stream().flatMap(o -> o.specialReportRequests().stream())
                .map(OrganProfile.SpecialReportRequest::status).toList();
        SpecialReportRequests requestCounts = new SpecialReportRequests(
                Collections.frequency(requests, SpecialReportRequestStatus.PENDING),
                Collections.frequency(requests, SpecialReportRequestStatus.OVERDUE),
                Collections.frequency(requests, SpecialReportRequestStatus.ANSWERED),
                Collections.frequency(requests, SpecialReportRequestStatus.ANSWERED_LATE));

        List<LeaderFilings.MemberFilings> owing = organs.stream().flatMap(o -> LeaderFilings.of(o, year).stream())
                .toList();
        LeaderFilingCounts filings = new LeaderFilingCounts(year, owing.size(),
                (int) owing.stream().filter(m -> m.missing().contains(LeaderFilings.Filing.INTEGRITY_STATEMENT)).count(),
                (int) owing.stream().filter(m -> m.missing().contains(LeaderFilings.Filing.PERSONAL_MATTERS_REPORT))
                        .count());

        return new CommitteeDashboard(committeeId, committee == null ? null : committee.name(), year, asOf, knownAt,
                organCounts, leadership, staffing, annual, meetingCounts, decisionCounts, findingCounts, assessments,
                accountability, requestCounts, filings);
    }

    private static int countReports(List<DecisionView> decisions, CommitteeReportStatus status) {
        return (int) decisions.stream().filter(d -> d.committeeReport().status() == status).count();
    }

    private static int count(List<OrganProfile.Finding> findings, FindingStatus status) {
        return (int) findings.stream().filter(f -> f.status() == status).count();
    }

    private static <T> Map<String, Integer> countBy(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        items.forEach(i -> counts.merge(String.valueOf(key.apply(i)), 1, Integer::sum));
        return counts;
    }
}
