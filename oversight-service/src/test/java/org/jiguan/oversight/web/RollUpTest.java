package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CONTRACT.md {@code GET /committees/{id}/dashboard?rollUp=true} and {@code GET /committees/{id}/annual-report-trend}
 * over HTTP, fed through {@code organ-events}: a province with two cities, one of them with a county. The roll-up
 * sums each committee's own figures over the subtree the caller sees, with a row per child committee; the trend
 * counts each report year's organs owing the report as filed on time, late, missing or pending.
 */
class RollUpTest extends OversightServiceTestBase {
    private static final LocalDate ESTABLISHED = LocalDate.of(2020, 3, 1);
    private static final String AS_OF = "2026-06-30";

    private String province;
    private String city1;
    private String city2;
    private String county;

    @BeforeEach
    void aProvinceWithTwoCitiesAndACounty() {
        province = uniqueId("ru-prov");
        city1 = uniqueId("ru-city1");
        city2 = uniqueId("ru-city2");
        county = uniqueId("ru-county");
        synchronized (FEED) {
            FEED.committeeRegistered(province, "某省委", "PROVINCIAL", "central", 40);
            FEED.committeeRegistered(city1, "甲市委", "MUNICIPAL", province, 2);
            FEED.committeeRegistered(city2, "乙市委", "MUNICIPAL", province, 30);
            FEED.committeeRegistered(county, "丙县委", "COUNTY", city1, 20);
            organ(province, province + "-o1");
            organ(city1, city1 + "-o1");
            organ(city1, city1 + "-o2");
            organ(city1, city1 + "-o3"); // three organs of a quota of two: over quota
            organ(city2, city2 + "-o1");
            organ(county, county + "-o1");
            // The 2024 report: the province's on time, one of the first city's late, the others never.
            FEED.annualReportFiled(province + "-o1", 2024, LocalDate.of(2025, 1, 10), false);
            FEED.annualReportFiled(city1 + "-o1", 2024, LocalDate.of(2025, 3, 10), false);
        }
        awaitOrganEvents(province + "-o1", 3);
        awaitOrganEvents(city1 + "-o1", 3);
        for (String organ : List.of(city1 + "-o2", city1 + "-o3", city2 + "-o1", county + "-o1")) {
            awaitOrganEvents(organ, 2);
        }
        awaitGet("/api/v1/committees?parentId=" + province, r -> r.status() == 200 && r.body().size() == 2);
        awaitGet("/api/v1/committees?parentId=" + city1, r -> r.status() == 200 && r.body().size() == 1);
    }

    private static void organ(String committee, String organId) {
        FEED.slotTaken(committee, organId, ESTABLISHED);
        FEED.organCreated(committee, organId, "机关" + organId, ESTABLISHED);
        FEED.leaderAppointed(organId, organId + "-p", "PRINCIPAL", ESTABLISHED);
    }

    @Test
    void rolls_the_figures_up_over_the_subtree_with_a_row_per_child() {
        JsonNode plain = expectStatus(admin().get(dashboard(province, false)), 200).body();
        assertThat(plain.path("organs").path("active").asInt()).isEqualTo(1);
        assertThat(plain.has("children")).as("the plain dashboard is unchanged").isFalse();

        JsonNode all = expectStatus(admin().get(dashboard(province, true)), 200).body();
        assertThat(all.path("rollUp").asBoolean()).isTrue();
        assertThat(all.path("committeeId").asText()).isEqualTo(province);
        assertThat(all.path("name").asText()).isEqualTo("某省委");
        assertThat(all.path("level").asText()).isEqualTo("PROVINCIAL");
        assertThat(all.path("committees").asInt()).isEqualTo(4);
        assertThat(all.path("organs").path("active").asInt()).isEqualTo(6);
        assertThat(all.path("organs").path("quota").asInt()).isEqualTo(40 + 2 + 30 + 20);
        assertThat(all.path("organs").path("counted").asInt()).isEqualTo(6);
        assertThat(all.path("organs").path("overQuota").asBoolean()).as("the first city is over").isTrue();
        assertThat(all.path("organs").path("activeByKind").path("FUNCTIONAL_DEPARTMENT").asInt()).isEqualTo(6);
        assertThat(all.path("leadership").path("filled").asInt()).isEqualTo(6);
        assertThat(all.path("annualReports").path("year").asInt()).isEqualTo(2025);
        assertThat(all.path("annualReports").path("owed").asInt()).isEqualTo(6);

        List<JsonNode> rows = new ArrayList<>();
        all.path("children").forEach(rows::add);
        assertThat(rows).extracting(r -> r.path("committeeId").asText()).containsExactlyInAnyOrder(city1, city2);
        JsonNode first = rows.stream().filter(r -> r.path("committeeId").asText().equals(city1)).findFirst()
                .orElseThrow();
        assertThat(first.path("name").asText()).isEqualTo("甲市委");
        assertThat(first.path("level").asText()).isEqualTo("MUNICIPAL");
        assertThat(first.path("committees").asInt()).as("the city and its county").isEqualTo(2);
        assertThat(first.path("organs").path("active").asInt()).isEqualTo(4);
        assertThat(first.path("organs").path("quota").asInt()).isEqualTo(22);
        assertThat(first.path("organs").path("overQuota").asBoolean()).isTrue();
        JsonNode second = rows.stream().filter(r -> r.path("committeeId").asText().equals(city2)).findFirst()
                .orElseThrow();
        assertThat(second.path("committees").asInt()).isEqualTo(1);
        assertThat(second.path("organs").path("active").asInt()).isEqualTo(1);
        assertThat(second.path("organs").path("overQuota").asBoolean()).isFalse();

        // The same sum for a scope from above; the committee alone without "/**".
        JsonNode fromAbove = expectStatus(viewer(province + "/**").get(dashboard(province, true)), 200).body();
        assertThat(fromAbove.path("committees").asInt()).isEqualTo(4);
        assertThat(fromAbove.path("children").size()).isEqualTo(2);
        JsonNode alone = expectStatus(viewer(province).get(dashboard(province, true)), 200).body();
        assertThat(alone.path("committees").asInt()).isEqualTo(1);
        assertThat(alone.path("organs").path("active").asInt()).isEqualTo(1);
        assertThat(alone.path("children").size()).as("rows the caller may not see are absent").isZero();
        // The province and one city: that city's row only, the other city and the county left out.
        JsonNode partly = expectStatus(viewer(province, city2).get(dashboard(province, true)), 200).body();
        assertThat(partly.path("committees").asInt()).isEqualTo(2);
        assertThat(partly.path("children").findValuesAsText("committeeId")).containsExactly(city2);

        // A city's own roll-up; the province is outside its scope; an unknown committee is 404.
        JsonNode city = expectStatus(viewer(city1 + "/**").get(dashboard(city1, true)), 200).body();
        assertThat(city.path("committees").asInt()).isEqualTo(2);
        assertThat(city.path("children").findValuesAsText("committeeId")).containsExactly(county);
        expectStatus(viewer(city1 + "/**").get(dashboard(province, true)), 403);
        expectStatus(admin().get(dashboard(uniqueId("nobody"), true)), 404);
        expectStatus(admin().get("/api/v1/committees/" + province + "/dashboard?rollUp=maybe"), 400);
    }

    @Test
    void the_annual_report_trend_of_the_last_five_years() {
        JsonNode trend = expectStatus(admin().get(trend(province, true)), 200).body();
        assertThat(trend.path("committees").asInt()).isEqualTo(4);
        assertThat(trend.path("years").findValuesAsText("year"))
                .containsExactly("2021", "2022", "2023", "2024", "2025");
        JsonNode y2024 = trend.path("years").get(3);
        assertThat(y2024.path("owed").asInt()).isEqualTo(6);
        assertThat(y2024.path("onTime").asInt()).isEqualTo(1);
        assertThat(y2024.path("late").asInt()).isEqualTo(1);
        assertThat(y2024.path("missing").asInt()).isEqualTo(4);
        assertThat(y2024.path("pending").asInt()).isZero();
        // Established 2020-03-01, before the cut-off: every year owed.
        assertThat(trend.path("years").findValuesAsText("owed")).containsOnly("6");

        // Earlier in the year the 2025 report is not due yet.
        JsonNode january = expectStatus(admin().get("/api/v1/committees/" + province
                + "/annual-report-trend?rollUp=true&asOf=2026-01-15"), 200).body();
        JsonNode y2025 = january.path("years").get(4);
        assertThat(y2025.path("year").asInt()).isEqualTo(2025);
        assertThat(y2025.path("pending").asInt()).isEqualTo(6);

        JsonNode own = expectStatus(admin().get(trend(province, false)), 200).body();
        assertThat(own.path("committees").asInt()).isEqualTo(1);
        assertThat(own.path("years").get(3).path("onTime").asInt()).isEqualTo(1);
        assertThat(own.path("years").get(3).path("owed").asInt()).isEqualTo(1);
        JsonNode scoped = expectStatus(viewer(province).get(trend(province, true)), 200).body();
        assertThat(scoped.path("committees").asInt()).as("without /**, the province alone").isEqualTo(1);

        expectStatus(viewer(city2).get(trend(province, true)), 403);
        expectStatus(admin().get(trend(uniqueId("nobody"), false)), 404);
        expectStatus(admin().get("/api/v1/committees/" + province + "/annual-report-trend?years=11"), 400);
        ApiClient anonymous = ApiClient.anonymous(baseUrl());
        expectStatus(anonymous.get(trend(province, false)), 401);
        JsonNode docs = expectStatus(anonymous.get("/v3/api-docs"), 200).body();
        assertThat(docs.at("/paths/~1api~1v1~1committees~1{committeeId}~1annual-report-trend/get/summary").asText())
                .contains("compliance");
        List<String> parameters = new ArrayList<>();
        docs.at("/paths/~1api~1v1~1committees~1{committeeId}~1dashboard/get/parameters")
                .forEach(p -> parameters.add(p.path("name").asText()));
        assertThat(parameters).contains("rollUp");
    }

    private static String dashboard(String committee, boolean rollUp) {
        return "/api/v1/committees/" + committee + "/dashboard?asOf=" + AS_OF + (rollUp ? "&rollUp=true" : "");
    }

    private static String trend(String committee, boolean rollUp) {
        return "/api/v1/committees/" + committee + "/annual-report-trend?asOf=" + AS_OF + "&rollUp=" + rollUp;
    }
}
