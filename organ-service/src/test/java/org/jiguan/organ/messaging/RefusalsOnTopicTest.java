package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.jiguan.platform.testing.TopicReader.Record;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AUD-1 over HTTP: a command refused for a rule answers its 422 as before and is published on
 * {@code organ-events} as {@code jiguan.organ.CommandRefused}, keyed by the refusal's own id, while the organ's
 * own stream gets nothing.
 */
class RefusalsOnTopicTest extends OrganServiceTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("R-AUD-1 a refused headcount is published as CommandRefused and the organ's stream is unchanged")
    void R_AUD_1_a_refused_command_is_published_and_the_organs_stream_is_unchanged() throws Exception {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        expectStatus(admin().withHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .post("/api/v1/organs/" + organ + "/headcount", Map.of("headcount", 999, "asOf", "2025-01-01")), 422);
        expectStatus(admin().post("/api/v1/organs/" + organ + "/headcount",
                Map.of("headcount", 3, "asOf", "2025-01-02")), 204);

        List<Record> records;
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), "organ-events")) {
            records = reader.readUntil(seen -> seen.stream().anyMatch(r -> isRefusalOf(r, organ))
                    && seen.stream().anyMatch(r -> organ.equals(r.key())
                    && r.header("ce_type").endsWith("HeadcountReported")), Duration.ofSeconds(60));
        }
        List<Record> refusals = records.stream().filter(r -> isRefusalOf(r, organ)).toList();
        assertThat(refusals).hasSize(1);
        Record refusal = refusals.get(0);
        assertThat(refusal.key()).isEqualTo(refusal.header("ce_subject")).hasSize(36).isNotEqualTo(organ);
        assertThat(refusal.header("ce_sequence")).isEqualTo("0");
        assertThat(refusal.header("ce_source")).isEqualTo("/organ-service");
        assertThat(refusal.header("traceparent")).startsWith("00-" + traceId + "-");
        JsonNode value = JSON.readTree(refusal.value());
        assertThat(EventSchemas.validate("CommandRefused", value)).as(refusal.value()).isEmpty();
        assertThat(value.path("rule").asText()).isEqualTo("R-ORG-6");
        assertThat(value.path("ruleTitle").asText()).isEqualTo("人员配备不得突破编制限额");
        assertThat(value.path("command").asText()).isEqualTo("ReportHeadcount");
        assertThat(value.path("organId").asText()).isEqualTo(organ);
        assertThat(value.path("businessDate").asText()).isEqualTo("2025-01-01");
        assertThat(value.path("caller").asText()).isNotBlank().isNotEqualTo("-");
        assertThat(value.path("detail").asText()).contains("999");

        // The organ's own stream: created, then the accepted headcount as its next event; nothing of the refusal.
        assertThat(records.stream().filter(r -> organ.equals(r.key())).map(r -> r.header("ce_type")
                        .replace("jiguan.organ.", "") + "#" + r.header("ce_sequence")).toList())
                .containsExactly("OrganCreated#0", "HeadcountReported#1");
    }

    private static boolean isRefusalOf(Record record, String organ) {
        return "jiguan.organ.CommandRefused".equals(record.header("ce_type")) && record.value().contains(organ);
    }
}
