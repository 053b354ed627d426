package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.platform.testing.OrganQuotaCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R-COM-2 end to end: the shared cases organ-service judges by ({@code OrganLifecycleTest}: one more organ is admitted
 * on a probe day exactly when {@link OrganQuotaCases.Probe#admitsAnother}) put on {@code organ-events} as organ-service
 * publishes them, and read back through the dashboard and its roll-up: on every probe day the organs counted and the
 * quota in force are the case's, so what oversight shows agrees with what organ-service admits or refuses (quota
 * changes approved on the same date, the later recorded standing; a co-located organ taking a slot of its own once its
 * partner is abolished). The domain-level twin is {@code CommitteeAndReportsTest.R_COM_2_counts_what_organ_service_judged}.
 */
class OrganQuotaParityTest extends OversightServiceTestBase {
    @Autowired
    Histories histories;

    static List<OrganQuotaCases.Case> quotaCases() {
        return OrganQuotaCases.all();
    }

    @ParameterizedTest
    @MethodSource("quotaCases")
    void R_COM_2_the_dashboard_counts_what_organ_service_judged(OrganQuotaCases.Case quotaCase)
            throws InterruptedException {
        String committee = uniqueId("quota");
        synchronized (FEED) {
            for (OrganQuotaCases.Event event : quotaCase.events()) {
                Map<String, Object> data = new LinkedHashMap<>(event.data());
                data.put("committeeId", committee);
                if (data.get("organId") instanceof String organ) {
                    data.put("organId", committee + "-" + organ);
                }
                if (data.get("sharesSlotWith") instanceof String partner) {
                    data.put("sharesSlotWith", committee + "-" + partner);
                }
                // What organ-service adds when it publishes: the default report policy, no partner when none.
                if (event.type().equals("CommitteeRegistered")) {
                    data.putIfAbsent("policy", Map.of("reportDueMonthDay", "--01-31", "cutOffMonthDay", "--09-30",
                            "reminderOffsets", List.of(-30, -7, 0, 1, 30), "calendar", "CN"));
                }
                if (event.type().equals("OrganQuotaSlotTaken")) {
                    data.putIfAbsent("sharesSlotWith", null);
                }
                FEED.committeeEvent(event.type(), committee, data);
            }
        }
        int events = quotaCase.events().size();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!historyHas(committee, events)) {
            assertThat(System.nanoTime()).as("all %d events of %s consumed", events, committee).isLessThan(deadline);
            Thread.sleep(50);
        }
        awaitGet("/api/v1/committees?parentId=" + OrganQuotaCases.PARENT,
                r -> r.status() == 200 && r.raw().contains(committee));
        for (OrganQuotaCases.Probe probe : quotaCase.probes()) {
            String asOf = "?asOf=" + probe.day();
            JsonNode plain = expectStatus(admin().get("/api/v1/committees/" + committee + "/dashboard" + asOf), 200)
                    .body();
            JsonNode rolledUp = expectStatus(admin().get("/api/v1/committees/" + committee + "/dashboard" + asOf
                    + "&rollUp=true"), 200).body();
            for (JsonNode dashboard : List.of(plain, rolledUp)) {
                JsonNode organs = dashboard.path("organs");
                assertThat(organs.path("counted").asLong()).as("%s: counted on %s", quotaCase, probe.day())
                        .isEqualTo(probe.counted());
                assertThat(organs.path("quota").asInt()).as("%s: quota on %s", quotaCase, probe.day())
                        .isEqualTo(probe.quota());
                assertThat(organs.path("counted").asLong() < organs.path("quota").asInt())
                        .as("%s: room for one more on %s, as organ-service admits", quotaCase, probe.day())
                        .isEqualTo(probe.admitsAnother());
                assertThat(organs.path("overQuota").asBoolean()).isEqualTo(probe.counted() > probe.quota());
            }
        }
    }

    /** Whether oversight holds all {@code events} of the committee's history, the ones its figures come from. */
    private boolean historyHas(String committee, int events) {
        return histories.live().load(AggregateKind.COMMITTEE, committee).map(h -> h.events().size()).orElse(0)
                >= events;
    }
}
