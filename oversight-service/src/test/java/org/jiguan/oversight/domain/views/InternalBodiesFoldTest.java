package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** An organ's internal bodies as of a date, renamed, re-tasked, merged and abolished (R-ORG-5). */
class InternalBodiesFoldTest {
    private static final AggregateHistory ORGAN = Events.organ("o1")
            .recordedAt("2025-06-01T00:00:00Z")
            .add("OrganCreated", "name", "组织部", "kind", "FUNCTIONAL_DEPARTMENT", "establishedOn", "2024-01-01",
                    "staffingQuota", 20, "leadershipQuota", 3)
            .add("InternalBodyEstablished", "bodyId", "b1", "name", "干部一处", "establishedOn", "2024-02-01")
            .add("InternalBodyEstablished", "bodyId", "b2", "name", "干部二处", "establishedOn", "2024-02-01")
            .add("InternalBodyEstablished", "bodyId", "b3", "name", "研究室", "establishedOn", "2024-02-01")
            .add("InternalBodyChanged", "bodyId", "b1", "previousName", "干部一处", "name", "干部监督处",
                    "tasks", "干部监督", "changedOn", "2024-06-01")
            .add("InternalBodiesMerged", "bodyId", "b1", "absorbedBodyIds", List.of("b2"), "name", "干部处",
                    "mergedOn", "2025-01-01")
            .add("InternalBodyAbolished", "bodyId", "b3", "name", "研究室", "abolishedOn", "2025-03-01")
            .history();

    private static OrganProfile at(String asOf) {
        return OrganFold.fold(ORGAN, TimeSlice.asOf(LocalDate.parse(asOf))).orElseThrow();
    }

    @Test
    void R_ORG_5_a_body_is_renamed_and_re_tasked_from_the_change_date() {
        assertThat(at("2024-05-31").internalBodies()).extracting(OrganProfile.InternalBody::name)
                .containsExactly("干部一处", "干部二处", "研究室");
        OrganProfile.InternalBody changed = at("2024-06-01").internalBodies().get(0);
        assertThat(changed.name()).isEqualTo("干部监督处");
        assertThat(changed.tasks()).isEqualTo("干部监督");
        assertThat(changed.establishedOn()).isEqualTo(LocalDate.parse("2024-02-01"));
    }

    @Test
    void R_ORG_5_merged_and_abolished_bodies_end_on_their_dates_and_stay_readable() {
        OrganProfile after = at("2025-03-01");
        assertThat(after.internalBodies()).extracting(OrganProfile.InternalBody::bodyId, OrganProfile.InternalBody::name)
                .containsExactly(tuple("b1", "干部处"));
        assertThat(after.formerInternalBodies()).extracting(OrganProfile.FormerInternalBody::bodyId,
                        OrganProfile.FormerInternalBody::endedOn, OrganProfile.FormerInternalBody::mergedInto)
                .containsExactly(tuple("b2", LocalDate.parse("2025-01-01"), "b1"),
                        tuple("b3", LocalDate.parse("2025-03-01"), null));
    }
}
