package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** An organ's profile by business date (asOf) and by what had been recorded (knownAt). */
class OrganFoldTest {
    private static final AggregateHistory ORGAN = Events.organ("o1")
            .recordedAt("2024-03-05T00:00:00Z")
            .add("OrganCreated", "name", "研究室", "kind", "FUNCTIONAL_DEPARTMENT", "establishedOn", "2024-03-01",
                    "staffingQuota", 20, "leadershipQuota", 3)
            .add("LeaderAppointed", "memberId", "p1", "name", "甲", "role", "PRINCIPAL", "since", "2024-04-01")
            .add("FindingRecorded", "findingId", "f1", "source", "INSPECTION_TOUR", "rectifyBy", "2024-06-30",
                    "recordedOn", "2024-05-01")
            .recordedAt("2025-02-01T00:00:00Z")
            // Recorded late, dated early: takes effect on its date.
            .add("OrganChanged", "changedOn", "2024-12-01", "name", "改革办", "staffingQuota", 25, "leadershipQuota", 4)
            .add("LeaderRemoved", "memberId", "p1", "removedOn", "2025-01-15")
            .add("RectificationReported", "findingId", "f1", "reportedOn", "2025-01-20", "completed", true)
            .add("DutyAssigned", "dutyCode", "D1", "description", "调研")
            .add("OrganAbolished", "abolishedOn", "2025-06-30", "reason", "机构改革")
            .history();

    private static OrganProfile at(String asOf) {
        return OrganFold.fold(ORGAN, TimeSlice.asOf(LocalDate.parse(asOf))).orElseThrow();
    }

    @Test
    void before_establishment_the_organ_shows_who_it_will_be_and_nothing_it_did() {
        OrganProfile profile = at("2024-02-01");
        assertThat(profile.status()).isEqualTo(OrganStatus.NOT_YET_ESTABLISHED);
        assertThat(profile.name()).isEqualTo("研究室");
        assertThat(profile.leadership().leaders()).isEmpty();
        assertThat(profile.findings()).isEmpty();
    }

    @Test
    void R_LEAD_2_leaders_and_quotas_follow_the_business_dates() {
        assertThat(at("2024-03-31").leadership().filled()).isZero();
        assertThat(at("2024-04-01").leadership().filled()).isEqualTo(1);
        assertThat(at("2024-11-30").name()).isEqualTo("研究室");
        assertThat(at("2024-12-01").name()).isEqualTo("改革办");
        assertThat(at("2024-12-01").staffing().quota()).isEqualTo(25);
        assertThat(at("2025-01-15").leadership().principalVacant()).isTrue();
    }

    @Test
    void R_SUP_4_a_finding_is_open_then_overdue_then_rectified() {
        assertThat(at("2024-06-30").findings().get(0).status()).isEqualTo(FindingStatus.OPEN);
        OrganProfile.Finding overdue = at("2024-07-10").findings().get(0);
        assertThat(overdue.status()).isEqualTo(FindingStatus.OVERDUE);
        assertThat(overdue.daysOverdue()).isEqualTo(10);
        assertThat(at("2025-01-20").findings().get(0).status()).isEqualTo(FindingStatus.RECTIFIED);
    }

    @Test
    void R_ORG_4_an_abolished_organ_stays_readable() {
        OrganProfile gone = at("2025-07-01");
        assertThat(gone.status()).isEqualTo(OrganStatus.ABOLISHED);
        assertThat(gone.abolishedOn()).isEqualTo(LocalDate.parse("2025-06-30"));
        assertThat(gone.findings()).hasSize(1);
        // At the end of the abolition day the act has happened.
        assertThat(at("2025-06-30").status()).isEqualTo(OrganStatus.ABOLISHED);
        assertThat(at("2025-06-29").status()).isEqualTo(OrganStatus.ACTIVE);
    }

    @Test
    void a_duty_without_a_date_takes_the_previous_act_s_date() {
        assertThat(at("2025-01-19").duties()).isEmpty();
        assertThat(at("2025-01-20").duties()).extracting(OrganProfile.Duty::dutyCode).containsExactly("D1");
    }

    @Test
    void knownAt_leaves_out_what_was_recorded_later_whatever_its_business_date() {
        TimeSlice slice = new TimeSlice(LocalDate.parse("2025-03-01"), Instant.parse("2025-01-01T00:00:00Z"));
        OrganProfile known = OrganFold.fold(ORGAN, slice).orElseThrow();
        assertThat(known.name()).isEqualTo("研究室");
        assertThat(known.leadership().filled()).isEqualTo(1);
        assertThat(known.findings().get(0).status()).isEqualTo(FindingStatus.OVERDUE);
        assertThat(OrganFold.fold(ORGAN, new TimeSlice(LocalDate.parse("2025-03-01"),
                Instant.parse("2024-03-01T00:00:00Z")))).isEmpty();
    }
}
