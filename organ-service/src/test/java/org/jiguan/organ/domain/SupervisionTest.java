package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.appointed;
import static org.jiguan.organ.domain.Facts.organCreated;
import static org.jiguan.organ.domain.Facts.upperApproval;
import static org.jiguan.organ.domain.Facts.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.AccountabilityMeasure;
import org.jiguan.organ.api.AccountabilityMeasureRecorded;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.AssessmentGrade;
import org.jiguan.organ.api.AssessmentRecorded;
import org.jiguan.organ.api.FileAnnualReport;
import org.jiguan.organ.api.FileIntegrityStatement;
import org.jiguan.organ.api.FilePersonalMattersReport;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.FindingRecorded;
import org.jiguan.organ.api.FindingSource;
import org.jiguan.organ.api.IntegrityStatementFiled;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.PersonalMattersReportFiled;
import org.jiguan.organ.api.RecordAccountability;
import org.jiguan.organ.api.RecordAssessment;
import org.jiguan.organ.api.RecordFinding;
import org.jiguan.organ.api.RectificationReported;
import org.jiguan.organ.api.ReportRectification;
import org.jiguan.organ.api.RequestSpecialReport;
import org.jiguan.organ.api.Signature;
import org.jiguan.organ.api.SigningBasis;
import org.jiguan.organ.api.SpecialReportFiled;
import org.jiguan.organ.api.SpecialReportRequested;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supervision and accountability: section 5 of DOMAIN.md. The organ was established on 2020-06-01. */
class SupervisionTest {
    private static final LocalDate JAN_20 = LocalDate.of(2026, 1, 20);
    private static final AnnualReportFiled REPORT_2025 =
            new AnnualReportFiled(ORGAN, PROVINCE, 2025, JAN_20, "粤组报〔2026〕1号", "summary", false, "p1",
                    SigningBasis.PRINCIPAL, null);

    /** The principal who signs the reports (R-DOC-1). */
    private static final LeaderAppointed PRINCIPAL = appointed("p1", LeaderRole.PRINCIPAL, LocalDate.of(2024, 1, 1));
    private static final Signature SIGNED = new Signature("p1", SigningBasis.PRINCIPAL, null);

    private final FixtureConfiguration<Organ> fixture = new AggregateTestFixture<>(Organ.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    // --- R-SUP-1 annual report -----------------------------------------------------------------------------

    @Test
    void R_SUP_1_report_for_last_year_is_filed() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileAnnualReport(ORGAN, 2025, JAN_20, "粤组报〔2026〕1号", "summary", false, SIGNED))
                .expectEvents(REPORT_2025);
    }

    @Test
    void R_SUP_1_report_for_a_future_year_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileAnnualReport(ORGAN, 2027, TODAY, "1号", "summary", false, SIGNED))
                .expectException(violationOf("R-SUP-1"));
    }

    @Test
    void R_SUP_1_report_for_a_year_before_the_organ_existed_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileAnnualReport(ORGAN, 2019, JAN_20, "1号", "summary", false, SIGNED))
                .expectException(violationOf("R-SUP-1"));
    }

    @Test
    void R_SUP_1_report_filed_before_the_organ_was_established_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileAnnualReport(ORGAN, 2020, LocalDate.of(2020, 5, 31), "1号", "summary", false, SIGNED))
                .expectException(violationOf("R-SUP-1"));
    }

    @Test
    void R_SUP_1_late_report_of_an_organ_abolished_since_is_recorded_when_filed_before_the_abolition() {
        // Abolished on 2025-06-30 after its 2024 report fell due: the report filed on 2025-03-01, recorded today.
        OrganAbolished abolished = new OrganAbolished(ORGAN, PROVINCE, LocalDate.of(2025, 6, 30), upperApproval(),
                "机构改革", null);
        fixture.given(organCreated(), PRINCIPAL, abolished)
                .when(new FileAnnualReport(ORGAN, 2024, LocalDate.of(2025, 3, 1), "粤组报〔2025〕1号", "summary", false,
                        SIGNED))
                .expectEvents(new AnnualReportFiled(ORGAN, PROVINCE, 2024, LocalDate.of(2025, 3, 1),
                        "粤组报〔2025〕1号", "summary", false, "p1", SigningBasis.PRINCIPAL, null));
        fixture.given(organCreated(), PRINCIPAL, abolished)
                .when(new FileAnnualReport(ORGAN, 2024, LocalDate.of(2025, 7, 1), "粤组报〔2025〕1号", "summary", false,
                        SIGNED))
                .expectException(violationOf("R-ORG-4"));
    }

    @Test
    void R_SUP_1_second_report_for_a_year_must_be_a_supplement() {
        fixture.given(organCreated(), PRINCIPAL, REPORT_2025)
                .when(new FileAnnualReport(ORGAN, 2025, TODAY, "2号", "again", false, SIGNED))
                .expectException(violationOf("R-SUP-1"));
        fixture.given(organCreated(), PRINCIPAL, REPORT_2025)
                .when(new FileAnnualReport(ORGAN, 2025, TODAY, "2号", "more", true, SIGNED))
                .expectEvents(new AnnualReportFiled(ORGAN, PROVINCE, 2025, TODAY, "2号", "more", true, "p1",
                        SigningBasis.PRINCIPAL, null));
    }

    @Test
    void R_SUP_1_supplement_without_a_report_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileAnnualReport(ORGAN, 2025, TODAY, "2号", "more", true, SIGNED))
                .expectException(violationOf("R-SUP-1"));
    }

    // --- R-SUP-3 special reports ---------------------------------------------------------------------------

    @Test
    void R_SUP_3_special_report_on_a_named_decision_is_filed() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileSpecialReport(ORGAN, "sr1", "贯彻落实某重要指示情况", TODAY, "粤组报〔2026〕5号", "d-42",
                        LocalDate.of(2026, 3, 31), SIGNED, null))
                .expectEvents(new SpecialReportFiled(ORGAN, PROVINCE, "sr1", "贯彻落实某重要指示情况", TODAY,
                        "粤组报〔2026〕5号", "d-42", LocalDate.of(2026, 3, 31), "p1", SigningBasis.PRINCIPAL, null, null));
    }

    @Test
    void R_SUP_3_special_report_without_subject_or_document_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileSpecialReport(ORGAN, "sr1", " ", TODAY, "5号", null, null, SIGNED, null))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated(), PRINCIPAL)
                .when(new FileSpecialReport(ORGAN, "sr1", "subject", TODAY, null, null, null, SIGNED, null))
                .expectException(violationOf("R-SUP-3"));
    }

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);
    private static final SpecialReportRequested REQUEST = new SpecialReportRequested(ORGAN, PROVINCE, "rq1",
            "贯彻落实某重要指示情况", MARCH_1, LocalDate.of(2026, 3, 10));

    private static FileSpecialReport answer(String reportId, LocalDate filedOn, String requestId) {
        return new FileSpecialReport(ORGAN, reportId, "贯彻落实某重要指示情况", filedOn, "粤组报〔2026〕6号", null, null,
                SIGNED, requestId);
    }

    @Test
    void R_SUP_3_the_committee_requests_a_special_report_from_its_organ_by_a_due_date() {
        fixture.given(organCreated())
                .when(new RequestSpecialReport(ORGAN, PROVINCE, "rq1", "贯彻落实某重要指示情况", MARCH_1,
                        LocalDate.of(2026, 3, 10)))
                .expectEvents(REQUEST);
    }

    @Test
    void R_SUP_3_a_request_by_another_committee_or_due_before_it_was_made_is_refused() {
        fixture.given(organCreated())
                .when(new RequestSpecialReport(ORGAN, "other", "rq1", "subject", MARCH_1, TODAY))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated())
                .when(new RequestSpecialReport(ORGAN, PROVINCE, "rq1", "subject", MARCH_1, MARCH_1.minusDays(1)))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated())
                .when(new RequestSpecialReport(ORGAN, PROVINCE, "rq1", "subject", MARCH_1, null))
                .expectException(violationOf("R-SUP-3"));
    }

    @Test
    void R_SUP_3_a_report_answering_a_request_takes_its_due_date_even_when_filed_late() {
        fixture.given(organCreated(), PRINCIPAL, REQUEST)
                .when(answer("sr1", TODAY, "rq1"))
                .expectEvents(new SpecialReportFiled(ORGAN, PROVINCE, "sr1", "贯彻落实某重要指示情况", TODAY,
                        "粤组报〔2026〕6号", null, LocalDate.of(2026, 3, 10), "p1", SigningBasis.PRINCIPAL, null,
                        "rq1"));
    }

    @Test
    void R_SUP_3_an_answer_to_an_unknown_request_twice_or_before_the_request_is_refused() {
        fixture.given(organCreated(), PRINCIPAL, REQUEST)
                .when(answer("sr1", TODAY, "rq-other"))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated(), PRINCIPAL, REQUEST)
                .when(answer("sr1", MARCH_1.minusDays(1), "rq1"))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated(), PRINCIPAL, REQUEST, new SpecialReportFiled(ORGAN, PROVINCE, "sr1", "s",
                        MARCH_1, "1号", null, REQUEST.dueOn(), "p1", SigningBasis.PRINCIPAL, null, "rq1"))
                .when(answer("sr2", TODAY, "rq1"))
                .expectException(violationOf("R-SUP-3"));
        fixture.given(organCreated(), PRINCIPAL, REQUEST)
                .when(new FileSpecialReport(ORGAN, "sr1", "s", TODAY, "1号", null, TODAY, SIGNED, "rq1"))
                .expectException(violationOf("R-SUP-3"));
    }

    // --- R-SUP-4 findings and rectification -----------------------------------------------------------------

    private static final FindingRecorded FINDING = new FindingRecorded(ORGAN, PROVINCE, "f1",
            FindingSource.INSPECTION_TOUR, "选人用人问题", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 5));

    @Test
    void R_SUP_4_finding_with_source_and_deadline_is_recorded() {
        fixture.given(organCreated())
                .when(new RecordFinding(ORGAN, "f1", FindingSource.INSPECTION_TOUR, "选人用人问题",
                        LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 5)))
                .expectEvents(FINDING);
    }

    @Test
    void R_SUP_4_finding_without_source_or_deadline_is_refused() {
        fixture.given(organCreated())
                .when(new RecordFinding(ORGAN, "f1", null, "问题", LocalDate.of(2026, 6, 30), TODAY))
                .expectException(violationOf("R-SUP-4"));
        fixture.given(organCreated())
                .when(new RecordFinding(ORGAN, "f1", FindingSource.CIRCUIT_INSPECTION, "问题", null, TODAY))
                .expectException(violationOf("R-SUP-4"));
    }

    @Test
    void R_SUP_4_deadline_before_the_finding_is_refused() {
        fixture.given(organCreated())
                .when(new RecordFinding(ORGAN, "f1", FindingSource.DISCIPLINE_SUPERVISION, "问题",
                        TODAY.minusDays(1), TODAY))
                .expectException(violationOf("R-SUP-4"));
    }

    @Test
    void R_SUP_4_rectification_is_reported_until_the_finding_is_completed() {
        fixture.given(organCreated(), FINDING)
                .when(new ReportRectification(ORGAN, "f1", TODAY, "整改完成", true))
                .expectEvents(new RectificationReported(ORGAN, PROVINCE, "f1", TODAY, "整改完成", true));
        fixture.given(organCreated(), FINDING,
                        new RectificationReported(ORGAN, PROVINCE, "f1", TODAY, "整改完成", true))
                .when(new ReportRectification(ORGAN, "f1", TODAY, "again", true))
                .expectException(violationOf("R-SUP-4"));
    }

    @Test
    void R_SUP_4_rectification_of_an_unknown_finding_is_not_found() {
        fixture.given(organCreated())
                .when(new ReportRectification(ORGAN, "f9", TODAY, "整改", false))
                .expectException(NotFound.class);
    }

    // --- R-SUP-5 duty-and-integrity statements and personal-matters reports ----------------------------------------

    @Test
    void R_SUP_5_member_who_sat_during_the_year_files_once() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2025, 11, 1)))
                .when(new FileIntegrityStatement(ORGAN, "m1", 2025, JAN_20))
                .expectEvents(new IntegrityStatementFiled(ORGAN, PROVINCE, "m1", 2025, JAN_20));
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2025, 11, 1)),
                        new IntegrityStatementFiled(ORGAN, PROVINCE, "m1", 2025, JAN_20))
                .when(new FileIntegrityStatement(ORGAN, "m1", 2025, TODAY))
                .expectException(violationOf("R-SUP-5"));
    }

    @Test
    void R_SUP_5_member_who_did_not_sit_that_year_is_refused() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2026, 1, 2)))
                .when(new FileIntegrityStatement(ORGAN, "m1", 2025, TODAY))
                .expectException(violationOf("R-SUP-5"));
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2023, 1, 2)),
                        new LeaderRemoved(ORGAN, PROVINCE, "m1", "Leader m1", LeaderRole.DEPUTY,
                                LocalDate.of(2024, 12, 31), "transferred"))
                .when(new FileIntegrityStatement(ORGAN, "m1", 2025, TODAY))
                .expectException(violationOf("R-SUP-5"));
    }

    @Test
    void R_SUP_5_personal_matters_report_by_a_member_who_sat_that_year_is_filed_once_and_apart_from_the_statement() {
        LeaderAppointed m1 = appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2025, 11, 1));
        fixture.given(organCreated(), m1, new IntegrityStatementFiled(ORGAN, PROVINCE, "m1", 2025, JAN_20))
                .when(new FilePersonalMattersReport(ORGAN, "m1", 2025, JAN_20))
                .expectEvents(new PersonalMattersReportFiled(ORGAN, PROVINCE, "m1", 2025, JAN_20));
        fixture.given(organCreated(), m1, new PersonalMattersReportFiled(ORGAN, PROVINCE, "m1", 2025, JAN_20))
                .when(new FilePersonalMattersReport(ORGAN, "m1", 2025, TODAY))
                .expectException(violationOf("R-SUP-5"));
    }

    @Test
    void R_SUP_5_personal_matters_report_of_someone_not_on_the_body_that_year_or_before_it_began_is_refused() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2026, 1, 2)))
                .when(new FilePersonalMattersReport(ORGAN, "m1", 2025, TODAY))
                .expectException(violationOf("R-SUP-5"));
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2025, 1, 2)))
                .when(new FilePersonalMattersReport(ORGAN, "m1", 2026, LocalDate.of(2025, 12, 31)))
                .expectException(violationOf("R-SUP-5"));
    }

    // --- R-SUP-6 assessments ----------------------------------------------------------------------------------

    @Test
    void R_SUP_6_graded_assessment_with_circulation_is_recorded_once_a_year() {
        fixture.given(organCreated())
                .when(new RecordAssessment(ORGAN, 2025, AssessmentGrade.GOOD, JAN_20, "全省通报"))
                .expectEvents(new AssessmentRecorded(ORGAN, PROVINCE, 2025, AssessmentGrade.GOOD, JAN_20, "全省通报"));
        fixture.given(organCreated(),
                        new AssessmentRecorded(ORGAN, PROVINCE, 2025, AssessmentGrade.GOOD, JAN_20, "全省通报"))
                .when(new RecordAssessment(ORGAN, 2025, AssessmentGrade.EXCELLENT, TODAY, "全省通报"))
                .expectException(violationOf("R-SUP-6"));
    }

    @Test
    void R_SUP_6_assessment_without_grade_or_circulation_is_refused() {
        fixture.given(organCreated())
                .when(new RecordAssessment(ORGAN, 2025, null, JAN_20, "全省通报"))
                .expectException(violationOf("R-SUP-6"));
        fixture.given(organCreated())
                .when(new RecordAssessment(ORGAN, 2025, AssessmentGrade.FAIR, JAN_20, ""))
                .expectException(violationOf("R-SUP-6"));
    }

    // --- R-SUP-7 accountability ---------------------------------------------------------------------------------

    @Test
    void R_SUP_7_measure_against_a_member_who_sat_on_the_body_is_recorded_even_after_they_left() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2023, 1, 2)),
                        new LeaderRemoved(ORGAN, PROVINCE, "m1", "Leader m1", LeaderRole.DEPUTY,
                                LocalDate.of(2024, 12, 31), "transferred"))
                .when(new RecordAccountability(ORGAN, "a1", "m1", AccountabilityMeasure.ADMONISHMENT, "失职", TODAY))
                .expectEvents(new AccountabilityMeasureRecorded(ORGAN, PROVINCE, "a1", "m1",
                        AccountabilityMeasure.ADMONISHMENT, "失职", TODAY));
    }

    @Test
    void R_SUP_7_measure_against_someone_who_never_sat_on_the_body_is_refused() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, LocalDate.of(2023, 1, 2)))
                .when(new RecordAccountability(ORGAN, "a1", "x9", AccountabilityMeasure.TALK_REMINDER, "r", TODAY))
                .expectException(violationOf("R-SUP-7"));
    }

    @Test
    void R_SUP_7_measure_decided_before_the_member_joined_is_refused() {
        fixture.given(organCreated(), appointed("m1", LeaderRole.DEPUTY, TODAY))
                .when(new RecordAccountability(ORGAN, "a1", "m1", AccountabilityMeasure.TALK_REMINDER, "r",
                        TODAY.minusDays(1)))
                .expectException(violationOf("R-SUP-7"));
    }
}
