package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The demo plan on its own, without services: well-formed, deterministic, and as rich as promised. */
class DemoPlanTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void every_act_has_a_unique_readable_id_and_the_same_plan_comes_out_twice() {
        List<DemoAct> plan = DemoData.plan(TODAY);
        Set<String> ids = new HashSet<>();
        for (DemoAct act : plan) {
            assertThat(ids.add(act.id())).as("duplicate act id %s", act.id()).isTrue();
            assertThat(act.id()).matches("[a-z0-9][a-z0-9.:-]*");
        }
        assertThat(DemoData.plan(TODAY)).isEqualTo(plan);
    }

    @Test
    void it_holds_the_promised_data_set() {
        Map<String, Integer> counts = new TreeMap<>();
        DemoData.plan(TODAY).stream().filter(a -> a.counts() != null).forEach(a -> counts.merge(a.counts(), 1, Integer::sum));
        System.out.println("demo data set for " + TODAY + ": " + counts);
        assertThat(counts.get("committees")).isEqualTo(7);
        assertThat(counts.get("organs")).isGreaterThanOrEqualTo(60);
        assertThat(counts.get("meetings")).isGreaterThanOrEqualTo(6);
        assertThat(counts.get("decisions")).isGreaterThanOrEqualTo(10);
        assertThat(counts).containsKeys("leader removals", "abolitions", "mergers", "items rejected", "items deferred",
                "decisions revoked by the committee", "urgent decisions reported", "inspection findings",
                "rectification reports", "assessments", "accountability measures", "integrity statements",
                "personal-matters reports", "special-report requests", "internal bodies changed", "internal bodies merged",
                "special reports");
    }

    @Test
    void last_years_reports_are_partly_late_and_partly_missing() {
        List<DemoAct> plan = DemoData.plan(TODAY);
        long organs = plan.stream().filter(a -> "organs".equals(a.counts())).count();
        List<DemoAct> lastYear = plan.stream().filter(a -> "annual reports".equals(a.counts()))
                .filter(a -> a.body().get("year").equals(2025)).toList();
        long late = lastYear.stream().filter(a -> ((String) a.body().get("filedOn")).compareTo("2026-02-01") >= 0).count();
        assertThat(late).isGreaterThanOrEqualTo(5);
        assertThat(organs - 2 - lastYear.size()).as("missing 2025 reports (escalated by now)").isGreaterThanOrEqualTo(5);
    }
}
