package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.Facts.CENTRAL;
import static org.jiguan.organ.domain.Facts.CLOCK;
import static org.jiguan.organ.domain.Facts.ESTABLISHED;
import static org.jiguan.organ.domain.Facts.PROVINCE;
import static org.jiguan.organ.domain.Facts.centralRegistered;
import static org.jiguan.organ.domain.Facts.partyCentreApproval;
import static org.jiguan.organ.domain.Facts.provinceRegistered;
import static org.jiguan.organ.domain.Facts.provincialCommitteeApproval;
import static org.jiguan.organ.domain.Facts.upperApproval;
import static org.jiguan.organ.domain.Facts.violationOf;

import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.organ.api.OrganQuotaSlotReleased;
import org.jiguan.organ.api.OrganQuotaSlotTaken;
import org.jiguan.organ.api.SetOrganQuota;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setting a committee's organ quota (R-COM-2) on an approval (R-ORG-2). */
class CommitteeTest {
    private final FixtureConfiguration<Committee> fixture = new AggregateTestFixture<>(Committee.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void R_COM_2_quota_can_be_lowered_to_the_organs_counted() {
        fixture.given(provinceRegistered(5), slot("a", true), slot("b", true), slot("c", false))
                .when(new SetOrganQuota(PROVINCE, 2, upperApproval()))
                .expectEvents(new OrganQuotaSet(PROVINCE, 2, 5, upperApproval()));
    }

    @Test
    void R_COM_2_quota_below_the_organs_counted_is_refused() {
        fixture.given(provinceRegistered(5), slot("a", true), slot("b", true))
                .when(new SetOrganQuota(PROVINCE, 1, upperApproval()))
                .expectException(violationOf("R-COM-2"));
    }

    @Test
    void R_COM_2_quota_is_judged_from_the_date_its_approval_takes_effect() {
        // Three organs counted until 2024-12-31, two after: a quota of 2 fits from 2025 on, not from 2024.
        fixture.given(provinceRegistered(5), slot("a", true), slot("b", true), slot("c", true),
                        new OrganQuotaSlotReleased(PROVINCE, "c", LocalDate.of(2024, 12, 31), "abolished"))
                .when(new SetOrganQuota(PROVINCE, 2, approvedOn(LocalDate.of(2025, 1, 10))))
                .expectEvents(new OrganQuotaSet(PROVINCE, 2, 5, approvedOn(LocalDate.of(2025, 1, 10))));
    }

    @Test
    void R_COM_2_quota_effective_while_more_organs_were_counted_is_refused() {
        fixture.given(provinceRegistered(5), slot("a", true), slot("b", true), slot("c", true),
                        new OrganQuotaSlotReleased(PROVINCE, "c", LocalDate.of(2024, 12, 31), "abolished"))
                .when(new SetOrganQuota(PROVINCE, 2, approvedOn(LocalDate.of(2024, 6, 1))))
                .expectException(violationOf("R-COM-2"));
    }

    private static Approval approvedOn(LocalDate day) {
        return new Approval("gd-establishment-office", Approver.UPPER_ESTABLISHMENT_COMMITTEE, CENTRAL,
                "中编办复字〔2025〕2号", day);
    }

    @Test
    void R_ORG_2_quota_of_a_local_committee_needs_the_upper_establishment_committee() {
        fixture.given(provinceRegistered(5))
                .when(new SetOrganQuota(PROVINCE, 6, provincialCommitteeApproval()))
                .expectException(violationOf("R-ORG-2"));
    }

    @Test
    void R_ORG_2_quota_of_the_central_committee_rests_on_the_party_centre() {
        fixture.given(centralRegistered(30))
                .when(new SetOrganQuota(CENTRAL, 31, partyCentreApproval()))
                .expectEvents(new OrganQuotaSet(CENTRAL, 31, 30, partyCentreApproval()));
        fixture.given(centralRegistered(30))
                .when(new SetOrganQuota(CENTRAL, 31, upperApproval()))
                .expectException(violationOf("R-ORG-2"));
    }

    private static OrganQuotaSlotTaken slot(String organId, boolean counted) {
        return new OrganQuotaSlotTaken(PROVINCE, organId, OrganKind.FUNCTIONAL_DEPARTMENT, counted, ESTABLISHED);
    }

}
