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

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
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
