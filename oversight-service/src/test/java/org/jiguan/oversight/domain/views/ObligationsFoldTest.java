package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the committee asked of an organ and its leaders, as of a date: special-report requests (R-SUP-3) and the
 * leaders' yearly filings (R-SUP-5).
 */
class ObligationsFoldTest {
    private static final AggregateHistory ORGAN = Events.organ("o1")
            .recordedAt("2025-06-01T00:00:00Z")
            .add("OrganCreated", "name", "宣传部", "kind", "FUNCTIONAL_DEPARTMENT", "establishedOn", "2024-01-01",
                    "staffingQuota", 20, "leadershipQuota", 3)
            .add("LeaderAppointed", "memberId", "p1", "name", "甲", "role", "PRINCIPAL", "since", "2024-01-01")
            .add("SpecialReportRequested", "requestId", "rq1", "subject", "意识形态工作", "requestedOn", "2025-03-01",
                    "dueOn", "2025-03-31")
            .add("SpecialReportRequested", "requestId", "rq2", "subject", "整改落实", "requestedOn", "2025-04-01",
                    "dueOn", "2025-04-30")
            .add("SpecialReportFiled", "reportId", "sr1", "subject", "意识形态工作", "filedOn", "2025-04-10",
                    "documentNo", "宣报〔2025〕3号", "dueOn", "2025-03-31", "requestId", "rq1", "signedBy", "p1",
                    "signingBasis", "PRINCIPAL")
            .add("SpecialReportFiled", "reportId", "sr2", "subject", "整改落实", "filedOn", "2025-04-20",
                    "documentNo", "宣报〔2025〕4号", "dueOn", "2025-04-30", "requestId", "rq2", "signedBy", "p1",
                    "signingBasis", "PRINCIPAL")
            .add("LeaderAppointed", "memberId", "d1", "name", "乙", "role", "DEPUTY", "since", "2024-01-01")
            .add("LeaderRemoved", "memberId", "d1", "removedOn", "2025-02-01")
            .add("LeaderAppointed", "memberId", "d2", "name", "丙", "role", "DEPUTY", "since", "2026-01-05")
            .add("IntegrityStatementFiled", "memberId", "p1", "year", 2025, "filedOn", "2026-01-10")
            .add("PersonalMattersReportFiled", "memberId", "p1", "year", 2025, "filedOn", "2026-01-12")
            .add("IntegrityStatementFiled", "memberId", "d1", "year", 2025, "filedOn", "2026-01-15")
            .history();

    private static OrganProfile at(String asOf) {
        return OrganFold.fold(ORGAN, TimeSlice.asOf(LocalDate.parse(asOf))).orElseThrow();
    }

    private static OrganProfile.SpecialReportRequest request(String asOf, String requestId) {
        return at(asOf).specialReportRequests().stream().filter(r -> r.requestId().equals(requestId)).findFirst()
                .orElseThrow();
    }

    @Test
    void R_SUP_3_a_request_is_pending_then_overdue_then_answered_late() {
        assertThat(at("2025-02-28").specialReportRequests()).isEmpty();
        assertThat(request("2025-03-31", "rq1").status()).isEqualTo(SpecialReportRequestStatus.PENDING);
        OrganProfile.SpecialReportRequest overdue = request("2025-04-05", "rq1");
        assertThat(overdue.status()).isEqualTo(SpecialReportRequestStatus.OVERDUE);
        assertThat(overdue.daysOverdue()).isEqualTo(5);
        OrganProfile.SpecialReportRequest late = request("2025-04-10", "rq1");
        assertThat(late.status()).isEqualTo(SpecialReportRequestStatus.ANSWERED_LATE);
        assertThat(late.answeredBy()).isEqualTo("sr1");
        assertThat(late.daysOverdue()).isEqualTo(10);
        assertThat(request("2025-04-20", "rq2").status()).isEqualTo(SpecialReportRequestStatus.ANSWERED);
    }

    @Test
    void R_SUP_3_R_DOC_1_a_report_filed_after_its_due_date_is_shown_late_with_its_signer() {
        OrganProfile profile = at("2025-05-01");
        assertThat(profile.specialReports()).extracting(OrganProfile.SpecialReport::reportId,
                OrganProfile.SpecialReport::late, OrganProfile.SpecialReport::signedBy)
                .containsExactly(tuple("sr1", true, "p1"),
                        tuple("sr2", false, "p1"));
    }

    @Test
    void R_SUP_3_the_dashboard_counts_requests_by_status() {
        CommitteeDashboard dashboard = CommitteeDashboard.of("c", null, List.of(at("2025-04-05")),
                List.of(), List.of(), List.of(), 2024, LocalDate.parse("2025-04-05"),
                null);
        assertThat(dashboard.specialReportRequests())
                .isEqualTo(new CommitteeDashboard.SpecialReportRequests(1, 1, 0, 0));
    }

    @Test
    void R_SUP_5_everyone_who_sat_on_the_body_in_the_year_owes_both_filings_and_shows_what_is_missing() {
        assertThat(LeaderFilings.of(at("2026-01-31"), 2025))
                .extracting(LeaderFilings.MemberFilings::memberId, LeaderFilings.MemberFilings::missing)
                .containsExactly(tuple("p1", List.of()),
                        tuple("d1", List.of(LeaderFilings.Filing.PERSONAL_MATTERS_REPORT)));
        // As of an earlier day, nothing had been filed yet.
        assertThat(LeaderFilings.of(at("2026-01-09"), 2025)).allSatisfy(m -> assertThat(m.missing())
                .containsExactly(LeaderFilings.Filing.INTEGRITY_STATEMENT, LeaderFilings.Filing.PERSONAL_MATTERS_REPORT));
        assertThat(LeaderFilings.of(at("2026-01-31"), 2026)).extracting(LeaderFilings.MemberFilings::memberId)
                .containsExactly("p1", "d2");
    }

    @Test
    void R_SUP_5_the_dashboard_counts_the_missing_filings_of_its_year() {
        CommitteeDashboard dashboard = CommitteeDashboard.of("c", null, List.of(at("2026-01-31")), List.of(),
                List.of(), List.of(), 2025, LocalDate.parse("2026-01-31"), null);
        assertThat(dashboard.leaderFilings()).isEqualTo(new CommitteeDashboard.LeaderFilingCounts(2025, 2, 0, 1));
    }
}
