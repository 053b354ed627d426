package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.views.AnnualReportRow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A kept answer is written as the list itself would be, the first time and again from what was kept. */
class KeptAnswerTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void a_kept_answer_is_the_json_of_its_list_each_time() {
        List<AnnualReportRow> rows = List.of(
                new AnnualReportRow("o1", "机关一", "prov", 2025, LocalDate.of(2026, 3, 31), AnnualReportStatus.FILED,
                        LocalDate.of(2026, 1, 10), 0),
                new AnnualReportRow("o2", null, "prov", 2025, LocalDate.of(2026, 3, 31), AnnualReportStatus.OVERDUE,
                        null, 31));
        KeptAnswer<AnnualReportRow> kept = new KeptAnswer<>(rows);
        String expected = JSON.writeValueAsString(Map.of("items", rows));

        assertThat(JSON.writeValueAsString(Map.of("items", kept))).isEqualTo(expected);
        assertThat(JSON.writeValueAsString(Map.of("items", kept))).as("written again from what was kept")
                .isEqualTo(expected);
        assertThat(kept).isEqualTo(rows);
    }
}
