package org.jiguan.meeting.domain;

import static org.jiguan.meeting.domain.Facts.CLOCK;
import static org.jiguan.meeting.domain.Facts.COMMITTEE;
import static org.jiguan.meeting.domain.Facts.ORGAN;
import static org.jiguan.meeting.domain.Facts.PRINCIPAL;
import static org.jiguan.meeting.domain.Facts.TODAY;
import static org.jiguan.meeting.domain.Facts.bodyWithoutPrincipal;
import static org.jiguan.meeting.domain.Facts.decisionTaken;
import static org.jiguan.meeting.domain.Facts.organ;
import static org.jiguan.meeting.domain.Facts.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.meeting.api.CommitteeReplyKind;
import org.jiguan.meeting.api.CommitteeReplyRecorded;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReportedToCommittee;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.RecordCommitteeReply;
import org.jiguan.meeting.api.ReportDecisionToCommittee;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reporting a decision to the committee (R-DEC-1) under its signer's signature (R-DOC-1), and the reply. */
class CommitteeReportTest {
    private static final String DECISION = "dec-1";
    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 3, 1);
    private static final LocalDate REPORTED_ON = LocalDate.of(2026, 3, 5);

    private final FixtureConfiguration<Decision> fixture = new AggregateTestFixture<>(Decision.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    /** A decision adopted on a MAJOR_PROJECT item. */
    private static DecisionTaken major() {
        return decisionTaken(DECISION, DECIDED_ON);
    }

    private static DecisionTaken on(ItemCategory category) {
        return new DecisionTaken(DECISION, ORGAN, COMMITTEE, "mtg-0", "i0", "议题", category, DECIDED_ON,
                DecisionOrigin.MEETING, null);
    }

    private static ReportDecisionToCommittee report(LocalDate on, String signedBy) {
        return report(organ(on), on, signedBy, ConvenerBasis.PRINCIPAL, null);
    }

    private static ReportDecisionToCommittee report(OrganOnDate organ, LocalDate on, String signedBy,
                                                    ConvenerBasis basis, ConvenerMandate mandate) {
        return new ReportDecisionToCommittee(DECISION, organ, on, "组〔2026〕5号", signedBy, basis, mandate);
    }

    private static DecisionReportedToCommittee reported(LocalDate on, String signedBy) {
        return new DecisionReportedToCommittee(DECISION, ORGAN, COMMITTEE, on, "组〔2026〕5号", signedBy,
                ConvenerBasis.PRINCIPAL, null);
    }

    // --- R-DEC-1 ---------------------------------------------------------------------------------------------

    @Test
    void R_DEC_1_a_decision_on_a_major_item_is_reported_signed_by_the_principal() {
        fixture.given(major())
                .when(report(REPORTED_ON, PRINCIPAL))
                .expectEvents(reported(REPORTED_ON, PRINCIPAL));
    }

    @Test
    void R_DEC_1_a_decision_on_a_report_to_committee_item_is_reported() {
        fixture.given(on(ItemCategory.REPORT_TO_COMMITTEE))
                .when(report(REPORTED_ON, PRINCIPAL))
                .expectEvents(reported(REPORTED_ON, PRINCIPAL));
    }

    @Test
    void R_DEC_1_every_urgent_decision_is_reported() {
        fixture.given(new UrgentDecisionTaken(DECISION, ORGAN, COMMITTEE, PRINCIPAL, "抢险", ItemCategory.OTHER,
                        DECIDED_ON, "flood", DecisionOrigin.URGENT))
                .when(report(REPORTED_ON, PRINCIPAL))
                .expectEvents(reported(REPORTED_ON, PRINCIPAL));
    }

    @Test
    void R_DEC_1_a_decision_on_an_ordinary_item_is_not_one_reported() {
        fixture.given(on(ItemCategory.PARTY_BUILDING))
                .when(report(REPORTED_ON, PRINCIPAL))
                .expectException(violationOf("R-DEC-1", "not one reported"));
    }

    @Test
    void R_DEC_1_a_report_dated_before_its_decision_is_refused() {
        fixture.given(major())
                .when(report(DECIDED_ON.minusDays(1), PRINCIPAL))
                .expectException(violationOf("R-DEC-1", "cannot report decision"));
    }

    @Test
    void R_DEC_1_a_decision_is_reported_once() {
        fixture.given(major(), reported(REPORTED_ON, PRINCIPAL))
                .when(report(TODAY, PRINCIPAL))
                .expectException(violationOf("R-DEC-1", "already reported"));
    }

    @Test
    void R_DEC_1_a_report_needs_its_document_number() {
        fixture.given(major())
                .when(new ReportDecisionToCommittee(DECISION, organ(REPORTED_ON), REPORTED_ON, " ", PRINCIPAL,
                        ConvenerBasis.PRINCIPAL, null))
                .expectException(violationOf("R-DEC-1", "document number"));
    }

    @Test
    void R_DEC_1_the_committee_replies_to_a_report_once() {
        CommitteeReplyRecorded replied = new CommitteeReplyRecorded(DECISION, ORGAN, COMMITTEE,
                CommitteeReplyKind.REPLY, TODAY, "委〔2026〕9号", "同意");
        fixture.given(major(), reported(REPORTED_ON, PRINCIPAL))
                .when(new RecordCommitteeReply(DECISION, CommitteeReplyKind.REPLY, TODAY, "委〔2026〕9号", "同意"))
                .expectEvents(replied);
        fixture.given(major(), reported(REPORTED_ON, PRINCIPAL), replied)
                .when(new RecordCommitteeReply(DECISION, CommitteeReplyKind.ACKNOWLEDGEMENT, TODAY, null, null))
                .expectException(violationOf("R-DEC-1", "already recorded"));
    }

    @Test
    void R_DEC_1_no_reply_to_a_decision_not_reported_nor_one_dated_before_the_report() {
        fixture.given(major())
                .when(new RecordCommitteeReply(DECISION, CommitteeReplyKind.REPLY, TODAY, null, null))
                .expectException(violationOf("R-DEC-1", "not been reported"));
        fixture.given(major(), reported(REPORTED_ON, PRINCIPAL))
                .when(new RecordCommitteeReply(DECISION, CommitteeReplyKind.REPLY, REPORTED_ON.minusDays(1), null,
                        null))
                .expectException(violationOf("R-DEC-1", "cannot answer"));
    }

    // --- R-DOC-1 ---------------------------------------------------------------------------------------------

    @Test
    void R_DOC_1_a_deputy_signing_as_the_principal_is_refused() {
        fixture.given(major())
                .when(report(REPORTED_ON, "dep1"))
                .expectException(violationOf("R-DOC-1", "not the principal"));
    }

    @Test
    void R_DOC_1_someone_off_the_body_on_the_signing_date_cannot_sign() {
        fixture.given(major())
                .when(report(REPORTED_ON, "stranger"))
                .expectException(violationOf("R-DOC-1", "not on the leadership body"));
    }

    @Test
    void R_DOC_1_a_deputy_signs_on_the_principals_recorded_delegation() {
        ConvenerMandate delegation = new ConvenerMandate(PRINCIPAL, null, REPORTED_ON);
        fixture.given(major())
                .when(report(organ(REPORTED_ON), REPORTED_ON, "dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL, delegation))
                .expectEvents(new DecisionReportedToCommittee(DECISION, ORGAN, COMMITTEE, REPORTED_ON, "组〔2026〕5号",
                        "dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL, delegation));
    }

    @Test
    void R_DOC_1_a_delegation_given_after_the_report_did_not_authorise_it() {
        fixture.given(major())
                .when(report(organ(REPORTED_ON), REPORTED_ON, "dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate(PRINCIPAL, null, REPORTED_ON.plusDays(1))))
                .expectException(violationOf("R-DOC-1", "after the report"));
    }

    @Test
    void R_DOC_1_while_the_principal_post_is_vacant_a_leader_designated_by_the_committee_signs() {
        OrganOnDate vacant = organ(REPORTED_ON, bodyWithoutPrincipal());
        ConvenerMandate designation = new ConvenerMandate(COMMITTEE, "委〔2026〕3号", REPORTED_ON);
        fixture.given(major())
                .when(report(vacant, REPORTED_ON, "dep1", ConvenerBasis.DESIGNATED_BY_COMMITTEE, designation))
                .expectEvents(new DecisionReportedToCommittee(DECISION, ORGAN, COMMITTEE, REPORTED_ON, "组〔2026〕5号",
                        "dep1", ConvenerBasis.DESIGNATED_BY_COMMITTEE, designation));
        fixture.given(major())
                .when(report(vacant, REPORTED_ON, "dep1", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate(PRINCIPAL, null, REPORTED_ON)))
                .expectException(violationOf("R-DOC-1", "vacant"));
    }
}
