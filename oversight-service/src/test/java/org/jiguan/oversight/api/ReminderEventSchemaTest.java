package org.jiguan.oversight.api;

import org.jiguan.oversight.domain.reports.AnnualReportReminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jiguan.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;

/**
 * The published contract of {@code oversight-reminders} (CONTRACT.md): {@code events/ReminderIssued.schema.json}
 * matches the record as Spring Boot's ObjectMapper writes it, and {@code asyncapi.yaml} names it. The records the
 * service really publishes are checked against the same schema in {@code ReminderSchedulerTest}.
 */
class ReminderEventSchemaTest {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void the_schema_is_valid_draft_2020_12_and_its_example_validates() {
        for (String type : List.of("ReminderIssued", "ReminderWithdrawn")) {
            JsonNode schema = EventSchemas.schemaJson(type);
            assertThat(EventSchemas.metaSchema().validate(schema)).isEmpty();
            for (JsonNode example : schema.path("examples")) {
                assertThat(EventSchemas.validate(type, example)).isEmpty();
            }
        }
        assertThat(EventSchemas.eventTypes()).containsExactlyInAnyOrder("ReminderIssued", "ReminderWithdrawn");
    }

    @Test
    void every_stage_of_the_record_validates_and_the_schema_names_every_component() {
        for (ReminderStage stage : ReminderStage.values()) {
            ReminderIssued event = new ReminderIssued(ReminderIds.reminderOf("org-zj-zzb", 2025, stage),
                    "org-zj-zzb", "cc-zj", 2025, stage, LocalDate.of(2026, 2, 2),
                    Instant.parse("2026-02-03T00:15:02.117123Z"));
            JsonNode data = JSON.valueToTree(event);
            assertThat(EventSchemas.validate("ReminderIssued", data)).as(data.toString()).isEmpty();
        }
        JsonNode schema = EventSchemas.schemaJson("ReminderIssued");
        List<String> components = Arrays.stream(ReminderIssued.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(required).containsExactlyInAnyOrderElementsOf(components);
        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        List<String> stages = new ArrayList<>();
        schema.at("/$defs/ReminderStage/enum").forEach(s -> stages.add(s.asText()));
        assertThat(stages).containsExactly(Arrays.stream(ReminderStage.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void every_reason_of_a_withdrawal_validates_and_the_schema_names_every_component() {
        for (WithdrawalReason reason : WithdrawalReason.values()) {
            ReminderWithdrawn event = new ReminderWithdrawn(ReminderIds.reminderOf("org-zj-zzb", 2025,
                    ReminderStage.ESCALATED), "org-zj-zzb", "cc-zj", 2025, ReminderStage.ESCALATED, reason,
                    reason == WithdrawalReason.FILED_BEFORE_STAGE ? LocalDate.of(2026, 1, 20) : null,
                    Instant.parse("2026-03-04T08:00:03.201Z"));
            JsonNode data = JSON.valueToTree(event);
            assertThat(EventSchemas.validate("ReminderWithdrawn", data)).as(data.toString()).isEmpty();
        }
        JsonNode schema = EventSchemas.schemaJson("ReminderWithdrawn");
        List<String> components = Arrays.stream(ReminderWithdrawn.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        List<String> properties = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        assertThat(properties).containsExactlyInAnyOrderElementsOf(components);
        List<String> reasons = new ArrayList<>();
        schema.at("/properties/reason/enum").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).containsExactly(Arrays.stream(WithdrawalReason.values()).map(Enum::name)
                .toArray(String[]::new));
    }

    @Test
    void a_reminder_without_its_stage_or_with_a_bad_date_is_refused() {
        JsonNode missing = JSON.createObjectNode().put("reminderId", "o:2025:DUE").put("organId", "o")
                .put("committeeId", "c").put("year", 2025).put("dueOn", "2026-02-02")
                .put("issuedAt", "2026-02-02T01:00:00Z");
        assertThat(EventSchemas.validate("ReminderIssued", missing)).isNotEmpty();
        JsonNode badDate = ((com.fasterxml.jackson.databind.node.ObjectNode) missing.deepCopy()).put("stage", "DUE")
                .put("dueOn", "02/02/2026");
        assertThat(EventSchemas.validate("ReminderIssued", badDate)).isNotEmpty();
    }

    @Test
    void asyncapi_names_the_message_on_its_topic_with_the_schema_file() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.at("/channels/oversightReminders/address").asText()).isEqualTo("oversight-reminders");
        for (String type : List.of("ReminderIssued", "ReminderWithdrawn")) {
            JsonNode message = doc.at("/components/messages/" + type);
            assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("./events/" + type + ".schema.json");
            assertThat(message.at("/headers/allOf/1/properties/ce_type/const").asText())
                    .isEqualTo("jiguan.oversight." + type);
            assertThat(doc.at("/channels/oversightReminders/messages/" + type + "/$ref").asText())
                    .isEqualTo("#/components/messages/" + type);
        }
        assertThat(doc.at("/components/schemas/CloudEventHeaders/properties/ce_source/const").asText())
                .isEqualTo("/oversight-service");
    }
}
