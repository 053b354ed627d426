package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

import org.jiguan.oversight.domain.reports.AnnualReportStatus;

/**
 * Figures over several committees (DOMAIN.md §6, CONTRACT.md {@code rollUp=true}): a committee's dashboard summed
 * with those of the committees below it, and the annual-report compliance of a year. Pure: from the committees'
 * own dashboards and report rows, each counted by its own committee's definitions (R-COM-2's organ count and quota
 * per committee, each committee's report policy), so a total is exactly the sum of what each committee shows.
 */
public final class RollUp {
    private RollUp() {
    }

    /**
     * The figures of {@code parts} summed, as one dashboard for {@code committeeId}: every count and every map entry
     * added up; {@code organs.overQuota} true when any of the committees is over its own quota (a surplus of one
     * does not make room in another).
     */
    public static CommitteeDashboard sum(String committeeId, String name, int year, LocalDate asOf, Instant knownAt,
                                         List<CommitteeDashboard> parts) {
        CommitteeDashboard.Organs organs = new CommitteeDashboard.Organs(
                ints(parts, d -> d.organs().quota()), ints(parts, d -> d.organs().counted()),
                parts.stream().anyMatch(d -> d.organs().overQuota()), ints(parts, d -> d.organs().active()),
                ints(parts, d -> d.organs().abolished()), merged(parts, d -> d.organs().activeByKind()));
        CommitteeDashboard.Leadership leadership = new CommitteeDashboard.Leadership(
                ints(parts, d -> d.leadership().posts()), ints(parts, d -> d.leadership().filled()),
                ints(parts, d -> d.leadership().vacant()), ints(parts, d -> d.leadership().organsOverQuota()),
                ints(parts, d -> d.leadership().principalVacancies()));
        CommitteeDashboard.Staffing staffing = new CommitteeDashboard.Staffing(
                ints(parts, d -> d.staffing().quota()), ints(parts, d -> d.staffing().headcount()),
                ints(parts, d -> d.staffing().organsReporting()), ints(parts, d -> d.staffing().organsOverQuota()));
        Map<AnnualReportStatus, Integer> byStatus = new LinkedHashMap<>();
        Arrays.stream(AnnualReportStatus.values()).forEach(s -> byStatus.put(s, 0));
        parts.forEach(d -> d.annualReports().byStatus().forEach((s, n) -> byStatus.merge(s, n, Integer::sum)));
        CommitteeDashboard.AnnualReports annual = new CommitteeDashboard.AnnualReports(year,
                ints(parts, d -> d.annualReports().owed()), byStatus, longs(parts, d -> d.annualReports().daysOverdue()));
        CommitteeDashboard.Meetings meetings = new CommitteeDashboard.Meetings(
                ints(parts, d -> d.meetings().convened()), ints(parts, d -> d.meetings().held()),
                ints(parts, d -> d.meetings().heldInYear()), merged(parts, d -> d.meetings().heldByKind()));
        Map<DecisionStatus, Integer> decisionsByStatus = new LinkedHashMap<>();
        Arrays.stream(DecisionStatus.values()).forEach(s -> decisionsByStatus.put(s, 0));
        parts.forEach(d -> d.decisions().byStatus().forEach((s, n) -> decisionsByStatus.merge(s, n, Integer::sum)));
        CommitteeDashboard.Decisions decisions = new CommitteeDashboard.Decisions(
                ints(parts, d -> d.decisions().total()), decisionsByStatus, ints(parts, d -> d.decisions().revocations()),
                ints(parts, d -> d.decisions().openTasks()), ints(parts, d -> d.decisions().overdueTasks()),
                ints(parts, d -> d.decisions().decisionsWithOverdueTasks()),
                ints(parts, d -> d.decisions().pendingCommitteeReport()),
                ints(parts, d -> d.decisions().overdueCommitteeReport()));
        CommitteeDashboard.Findings findings = new CommitteeDashboard.Findings(ints(parts, d -> d.findings().open()),
                ints(parts, d -> d.findings().overdue()), ints(parts, d -> d.findings().rectified()));
        CommitteeDashboard.Assessments assessments = new CommitteeDashboard.Assessments(year,
                merged(parts, d -> d.assessments().byGrade()));
        CommitteeDashboard.Accountability accountability = new CommitteeDashboard.Accountability(
                ints(parts, d -> d.accountability().total()), merged(parts, d -> d.accountability().byMeasure()),
                ints(parts, d -> d.accountability().inYear()));
        CommitteeDashboard.SpecialReportRequests requests = new CommitteeDashboard.SpecialReportRequests(
                ints(parts, d -> d.specialReportRequests().pending()),
                ints(parts, d -> d.specialReportRequests().overdue()),
                ints(parts, d -> d.specialReportRequests().answered()),
                ints(parts, d -> d.specialReportRequests().answeredLate()));
        CommitteeDashboard.LeaderFilingCounts filings = new CommitteeDashboard.LeaderFilingCounts(year,
                ints(parts, d -> d.leaderFilings().owed()),
                ints(parts, d -> d.leaderFilings().integrityStatementsMissing()),
                ints(parts, d -> d.leaderFilings().personalMattersReportsMissing()));
        return new CommitteeDashboard(committeeId, name, year, asOf, knownAt, organs, leadership, staffing, annual,
                meetings, decisions, findings, assessments, accountability, requests, filings);
    }

    /**
     * One year's annual-report compliance (R-SUP-1, R-SUP-2) as of a day, over the rows of the organs that owe the
     * report ({@code dueOn} set): filed by the due date, filed after it, not filed though due ({@code OVERDUE},
     * {@code ESCALATED}), and not due yet ({@code PENDING}, {@code DUE} on the due day itself).
     * {@code onTime + late + missing + pending == owed}.
     */
    public record Compliance(int year, int owed, int onTime, int late, int missing, int pending) {
        public static Compliance of(int year, List<AnnualReportRow> rows) {
            int owed = 0;
            int onTime = 0;
            int late = 0;
            int missing = 0;
            int pending = 0;
            for (AnnualReportRow row : rows) {
                if (row.year() != year || row.dueOn() == null) {
                    continue;
                }
                owed++;
                switch (row.status()) {
                    case FILED -> {
                        if (row.filedOn().isAfter(row.dueOn())) {
                            late++;
                        } else {
                            onTime++;
                        }
                    }
                    case OVERDUE, ESCALATED -> missing++;
                    case PENDING, DUE -> pending++;
                    case NOT_REQUIRED -> owed--;
                }
            }
            return new Compliance(year, owed, onTime, late, missing, pending);
        }

        public Compliance plus(Compliance other) {
            return new Compliance(year, owed + other.owed, onTime + other.onTime, late + other.late,
                    missing + other.missing, pending + other.pending);
        }
    }

    private static int ints(List<CommitteeDashboard> parts, ToIntFunction<CommitteeDashboard> figure) {
        return parts.stream().mapToInt(figure).sum();
    }

    private static long longs(List<CommitteeDashboard> parts, ToLongFunction<CommitteeDashboard> figure) {
        return parts.stream().mapToLong(figure).sum();
    }

    private static Map<String, Integer> merged(List<CommitteeDashboard> parts,
                                               Function<CommitteeDashboard, Map<String, Integer>> counts) {
        Map<String, Integer> sum = new TreeMap<>();
        parts.forEach(d -> counts.apply(d).forEach((k, n) -> sum.merge(k, n, Integer::sum)));
        return sum;
    }
}
