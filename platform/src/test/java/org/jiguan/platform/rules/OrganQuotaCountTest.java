package org.jiguan.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.jiguan.platform.testing.OrganQuotaCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** R-COM-2's one count, fed the shared cases the way both services feed it: fact by fact, in recorded order. */
class OrganQuotaCountTest {

    static Iterable<OrganQuotaCases.Case> cases() {
        return OrganQuotaCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void R_COM_2_counts_organs_against_the_quota_in_force(OrganQuotaCases.Case quotaCase) {
        OrganQuotaCount count = null;
        for (OrganQuotaCases.Event event : quotaCase.events()) {
            Map<String, Object> d = event.data();
            switch (event.type()) {
                case "CommitteeRegistered" -> count = new OrganQuotaCount((Integer) d.get("organQuota"));
                case "OrganQuotaSet" -> count.quotaSet(LocalDate.parse((String) ((Map<?, ?>) d.get("approval"))
                        .get("approvedOn")), (Integer) d.get("organQuota"));
                case "OrganQuotaSlotTaken" -> count.slotTaken((String) d.get("organId"),
                        (Boolean) d.get("countedInQuota"), LocalDate.parse((String) d.get("on")),
                        (String) d.get("sharesSlotWith"));
                case "OrganQuotaSlotReleased" -> count.slotReleased((String) d.get("organId"),
                        LocalDate.parse((String) d.get("on")));
                default -> throw new IllegalArgumentException(event.type());
            }
        }
        for (OrganQuotaCases.Probe probe : quotaCase.probes()) {
            assertThat(count.countedOn(probe.day())).as("counted on %s", probe.day()).isEqualTo(probe.counted());
            assertThat(count.sharingOn(probe.day())).as("sharing on %s", probe.day()).isEqualTo(probe.sharing());
            assertThat(count.quotaOn(probe.day())).as("quota on %s", probe.day()).isEqualTo(probe.quota());
        }
    }

    @Test
    void R_COM_2_a_judged_copy_leaves_the_count_as_it_was() {
        OrganQuotaCount count = new OrganQuotaCount(1);
        count.withQuotaSet(LocalDate.of(2024, 1, 1), 5).withSlotTaken("x", true, LocalDate.of(2024, 1, 1), null);
        assertThat(count.quotaOn(LocalDate.of(2025, 1, 1))).isEqualTo(1);
        assertThat(count.countedOn(LocalDate.of(2025, 1, 1))).isZero();
    }
}
