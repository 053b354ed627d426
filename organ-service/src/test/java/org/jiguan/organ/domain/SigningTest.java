package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ORGAN;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.TODAY;
import static org.jiguan.organ.domain.Facts.appointed;
import static org.jiguan.organ.domain.Facts.organCreated;
import static org.jiguan.organ.domain.Facts.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.FileAnnualReport;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.Signature;
import org.jiguan.organ.api.SigningBasis;
import org.jiguan.organ.api.SigningMandate;
import org.jiguan.organ.api.SpecialReportFiled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * R-DOC-1 签发: reports in the organ's name name their signer, the principal on the filing date, or a leader on a
 * recorded delegation or designation. The principal p1 served from 2024-01-01; the deputy d1 serves since 2024.
 */
class SigningTest {
    private static final LocalDate JAN_20 = LocalDate.of(2026, 1, 20);
    private static final LeaderAppointed PRINCIPAL = appointed("p1", LeaderRole.PRINCIPAL, LocalDate.of(2024, 1, 1));
    private static final LeaderAppointed DEPUTY = appointed("d1", LeaderRole.DEPUTY, LocalDate.of(2024, 1, 1));
    /** The principal left on 2025-12-31, so the post is vacant on 2026-01-20. */
    private static final LeaderRemoved PRINCIPAL_LEFT = new LeaderRemoved(ORGAN, PROVINCE, "p1", "Leader p1",
            LeaderRole.PRINCIPAL, LocalDate.of(2025, 12, 31), "调任");
    private static final SigningMandate DELEGATION = new SigningMandate("p1", null, LocalDate.of(2026, 1, 10));
    private static final SigningMandate DESIGNATION = new SigningMandate(PROVINCE, "粤委干〔2026〕2号",
            LocalDate.of(2026, 1, 5));

    private final FixtureConfiguration<Organ> fixture = new AggregateTestFixture<>(Organ.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    private static FileAnnualReport report(Signature signature) {
        return new FileAnnualReport(ORGAN, 2025, JAN_20, "粤组报〔2026〕1号", "summary", false, signature);
    }

    private static AnnualReportFiled filed(String signedBy, SigningBasis basis, SigningMandate mandate) {
        return new AnnualReportFiled(ORGAN, PROVINCE, 2025, JAN_20, "粤组报〔2026〕1号", "summary", false, signedBy,
                basis, mandate);
    }

    @Test
    void R_DOC_1_the_principal_on_the_filing_date_signs() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("p1", SigningBasis.PRINCIPAL, null)))
                .expectEvents(filed("p1", SigningBasis.PRINCIPAL, null));
    }

    @Test
    void R_DOC_1_a_report_without_a_signer_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(report(null))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL)
                .when(report(new Signature(" ", SigningBasis.PRINCIPAL, null)))
                .expectException(violationOf("R-DOC-1"));
    }

    @Test
    void R_DOC_1_a_deputy_signing_as_the_principal_is_refused() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("d1", SigningBasis.PRINCIPAL, null)))
                .expectException(violationOf("R-DOC-1"));
    }

    @Test
    void R_DOC_1_someone_not_on_the_body_on_the_filing_date_is_refused() {
        fixture.given(organCreated(), PRINCIPAL)
                .when(report(new Signature("x9", SigningBasis.PRINCIPAL, null)))
                .expectException(violationOf("R-DOC-1"));
        // the principal who left before the filing date no longer signs
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(report(new Signature("p1", SigningBasis.PRINCIPAL, null)))
                .expectException(violationOf("R-DOC-1"));
    }

    @Test
    void R_DOC_1_the_principal_of_the_filing_date_signs_a_report_recorded_after_they_left() {
        FileAnnualReport signedInDecember = new FileAnnualReport(ORGAN, 2025, LocalDate.of(2025, 12, 30),
                "粤组报〔2025〕9号", "summary", false, new Signature("p1", SigningBasis.PRINCIPAL, null));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(signedInDecember)
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_DOC_1_a_deputy_delegated_by_the_serving_principal_signs_with_the_basis_recorded() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("d1", SigningBasis.DELEGATED_BY_PRINCIPAL, DELEGATION)))
                .expectEvents(filed("d1", SigningBasis.DELEGATED_BY_PRINCIPAL, DELEGATION));
    }

    @Test
    void R_DOC_1_a_delegation_needs_the_mandate_of_the_principal_given_by_the_signing_date() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("d1", SigningBasis.DELEGATED_BY_PRINCIPAL, null)))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("d1", SigningBasis.DELEGATED_BY_PRINCIPAL,
                        new SigningMandate("d1", null, LocalDate.of(2026, 1, 10)))))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(report(new Signature("d1", SigningBasis.DELEGATED_BY_PRINCIPAL,
                        new SigningMandate("p1", null, TODAY))))
                .expectException(violationOf("R-DOC-1"));
    }

    @Test
    void R_DOC_1_while_the_post_is_vacant_nobody_delegates_and_the_committee_designates() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(report(new Signature("d1", SigningBasis.DELEGATED_BY_PRINCIPAL, DELEGATION)))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(report(new Signature("d1", SigningBasis.DESIGNATED_BY_COMMITTEE, DESIGNATION)))
                .expectEvents(filed("d1", SigningBasis.DESIGNATED_BY_COMMITTEE, DESIGNATION));
    }

    @Test
    void R_DOC_1_a_designation_comes_from_the_organs_committee_with_its_document_number() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(report(new Signature("d1", SigningBasis.DESIGNATED_BY_COMMITTEE,
                        new SigningMandate("other-committee", "x委〔2026〕1号", LocalDate.of(2026, 1, 5)))))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY, PRINCIPAL_LEFT)
                .when(report(new Signature("d1", SigningBasis.DESIGNATED_BY_COMMITTEE,
                        new SigningMandate(PROVINCE, null, LocalDate.of(2026, 1, 5)))))
                .expectException(violationOf("R-DOC-1"));
    }

    @Test
    void R_DOC_1_a_special_report_is_signed_as_an_annual_report_is() {
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(new FileSpecialReport(ORGAN, "sr1", "贯彻落实情况", JAN_20, "粤组报〔2026〕5号", null, null,
                        new Signature("d1", SigningBasis.PRINCIPAL, null), null))
                .expectException(violationOf("R-DOC-1"));
        fixture.given(organCreated(), PRINCIPAL, DEPUTY)
                .when(new FileSpecialReport(ORGAN, "sr1", "贯彻落实情况", JAN_20, "粤组报〔2026〕5号", null, null,
                        new Signature("p1", SigningBasis.PRINCIPAL, null), null))
                .expectEvents(new SpecialReportFiled(ORGAN, PROVINCE, "sr1", "贯彻落实情况", JAN_20, "粤组报〔2026〕5号",
                        null, null, "p1", SigningBasis.PRINCIPAL, null, null));
    }
}
