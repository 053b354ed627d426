package org.jiguan.organ;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jiguan.platform.testing.EventSchemas;
import org.jiguan.organ.api.AccountabilityMeasure;
import org.jiguan.organ.api.AccountabilityMeasureRecorded;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.AssessmentGrade;
import org.jiguan.organ.api.AssessmentRecorded;
import org.jiguan.organ.api.CommitteeEvent;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.DutyAssigned;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.FindingRecorded;
import org.jiguan.organ.api.FindingSource;
import org.jiguan.organ.api.HeadcountReported;
import org.jiguan.organ.api.IntegrityStatementFiled;
import org.jiguan.organ.api.InternalBodyAbolished;
import org.jiguan.organ.api.InternalBodyEstablished;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.organ.api.OrganEvent;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.organ.api.OrganQuotaSlotReleased;
import org.jiguan.organ.api.OrganQuotaSlotTaken;
import org.jiguan.organ.api.OrgansMerged;
import org.jiguan.organ.api.RectificationReported;
import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.organ.api.SpecialReportFiled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The published event contract of organ-service (CONTRACT.md "Kafka event stream"): one JSON Schema per event
 * record at {@code events/<Event>.schema.json}, shared definitions in {@code events/common.schema.json}, and
 * {@code asyncapi.yaml} naming a message for each. Samples are serialized the way Spring Boot's ObjectMapper
 * writes them to Kafka (ISO dates, enums by name, nulls written).
 */
class EventSchemasTest {
    private static final String API_PACKAGE = "org.jiguan.organ.api";
    private static final String COMMON = "common";
    private static final String ID_PREFIX = "urn:jiguan:organ-events:";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    // ---------------------------------------------------------------------------------------------- samples

    private static final LocalDate DAY = LocalDate.of(2026, 3, 31);
    /** A local committee's organ: approved by the upper-level establishment committee (R-ORG-2). */
    private static final Approval BY_UPPER_COMMITTEE = new Approval("浙江省委机构编制委员会办公室",
            Approver.UPPER_ESTABLISHMENT_COMMITTEE, "cc-central", "中编办复字〔2026〕12号", LocalDate.of(2026, 2, 10));
    /** A central committee's organ: approved by the Party Centre, no approver committee id (R-ORG-2). */
    private static final Approval BY_PARTY_CENTRE = new Approval("中央机构编制委员会办公室", Approver.PARTY_CENTRE, null,
            "中编委发〔2026〕3号", LocalDate.of(2026, 1, 8));
    /** An internal body: the organ's own committee may approve it (R-ORG-5). */
    private static final Approval BY_OWN_COMMITTEE = new Approval("浙江省委机构编制委员会办公室", Approver.COMMITTEE,
            "cc-zj", "浙编〔2026〕5号", LocalDate.of(2026, 3, 2));
    private static final ReportPolicy DEFAULT_POLICY = new ReportPolicy("--01-31", "--09-30",
            List.of(-30, -7, 0, 1, 30), "CN");

    /** Realistic instances of every event, several where nullable fields or variants matter. */
    private static Map<Class<?>, List<Object>> samples() {
        Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
        samples.put(CommitteeRegistered.class, List.of(
                new CommitteeRegistered("cc-central", "中共中央", CommitteeLevel.CENTRAL, null, 30, DEFAULT_POLICY,
                        List.of()),
                new CommitteeRegistered("cc-zj", "中共浙江省委", CommitteeLevel.PROVINCIAL, "cc-central", 18,
                        new ReportPolicy("--02-15", "--10-31", List.of(-14, 0, 7), "CN-ZJ"),
                        List.of("CADRE_APPOINTMENT", "DISCIPLINE_INSPECTION"))));
        samples.put(OrganQuotaSet.class, List.of(
                new OrganQuotaSet("cc-zj", 20, 18, BY_UPPER_COMMITTEE)));
        samples.put(OrganQuotaSlotTaken.class, List.of(
                new OrganQuotaSlotTaken("cc-zj", "org-zj-zzb", OrganKind.FUNCTIONAL_DEPARTMENT, true, DAY),
                new OrganQuotaSlotTaken("cc-zj", "org-zj-wlb", OrganKind.FUNCTIONAL_DEPARTMENT, false, DAY)));
        samples.put(OrganQuotaSlotReleased.class, List.of(
                new OrganQuotaSlotReleased("cc-zj", "org-zj-old", DAY, "merged into org-zj-zzb"),
                new OrganQuotaSlotReleased("cc-zj", "org-zj-old2", DAY, null)));
        samples.put(OrganCreated.class, List.of(
                new OrganCreated("org-zj-zzb", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central", "中共浙江省委组织部",
                        OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.STANDALONE, DAY, 120, 7,
                        BY_UPPER_COMMITTEE, null, null, null, true),
                new OrganCreated("org-c-tzb", "cc-central", CommitteeLevel.CENTRAL, null, "中央统战部",
                        OrganKind.FUNCTIONAL_DEPARTMENT, EstablishmentMode.MERGED, DAY, 300, 9, BY_PARTY_CENTRE,
                        "国家宗教事务局", null, null, true),
                new OrganCreated("org-zj-wab", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central",
                        "省委网络安全和信息化委员会办公室", OrganKind.WORKING_BODY, EstablishmentMode.CO_LOCATED, DAY, 60, 5,
                        BY_UPPER_COMMITTEE, "org-zj-xcb", "省委网络安全和信息化委员会", null, false),
                new OrganCreated("org-zj-gzw", "cc-zj", CommitteeLevel.PROVINCIAL, "cc-central", "省委金融工委",
                        OrganKind.DISPATCHED_ORGAN, EstablishmentMode.STANDALONE, DAY, 40, 5, BY_UPPER_COMMITTEE,
                        null, null, "金融系统", true)));
        samples.put(OrganChanged.class, List.of(
                new OrganChanged("org-zj-zzb", "cc-zj", DAY, BY_UPPER_COMMITTEE, "中共浙江省委组织部", 130, 7)));
        samples.put(OrganAbolished.class, List.of(
                new OrganAbolished("org-zj-old", "cc-zj", DAY, BY_UPPER_COMMITTEE, "职能划入省委组织部", null),
                new OrganAbolished("org-zj-old2", "cc-zj", DAY, BY_UPPER_COMMITTEE, "merged into org-zj-zzb",
                        "org-zj-zzb")));
        samples.put(OrgansMerged.class, List.of(
                new OrgansMerged("org-zj-zzb", "cc-zj", "org-zj-zzb", List.of("org-zj-old2", "org-zj-old3"), DAY,
                        BY_UPPER_COMMITTEE)));
        samples.put(LeaderAppointed.class, List.of(
                new LeaderAppointed("org-zj-zzb", "cc-zj", "p-1001", "王明", LeaderRole.PRINCIPAL,
                        LocalDate.of(2026, 3, 5), true, null),
                new LeaderAppointed("org-c-bgt", "cc-central", "p-2001", "赵强", LeaderRole.SECRETARY_GENERAL,
                        LocalDate.of(2026, 3, 5), false, BY_PARTY_CENTRE)));
        samples.put(LeaderRemoved.class, List.of(
                new LeaderRemoved("org-zj-zzb", "cc-zj", "p-1002", "李华", LeaderRole.DEPUTY, DAY, "调任省政府")));
        samples.put(InternalBodyEstablished.class, List.of(
                new InternalBodyEstablished("org-zj-zzb", "cc-zj", "ib-ganbu1", "干部一处", BY_OWN_COMMITTEE,
                        BY_OWN_COMMITTEE.approvedOn())));
        samples.put(InternalBodyAbolished.class, List.of(
                new InternalBodyAbolished("org-zj-zzb", "cc-zj", "ib-ganbu1", "干部一处", BY_OWN_COMMITTEE, DAY)));
        samples.put(HeadcountReported.class, List.of(
                new HeadcountReported("org-zj-zzb", "cc-zj", 112, DAY, 120)));
        samples.put(DutyAssigned.class, List.of(
                new DutyAssigned("org-zj-zzb", "cc-zj", "CADRE_SUPERVISION", "负责干部监督工作")));
        samples.put(AnnualReportFiled.class, List.of(
                new AnnualReportFiled("org-zj-zzb", "cc-zj", 2025, LocalDate.of(2026, 1, 20), "浙组〔2026〕3号",
                        "2025年度全面工作情况报告", false),
                new AnnualReportFiled("org-zj-zzb", "cc-zj", 2025, LocalDate.of(2026, 2, 20), "浙组〔2026〕8号",
                        "2025年度工作情况补充报告", true)));
        samples.put(SpecialReportFiled.class, List.of(
                new SpecialReportFiled("org-zj-zzb", "cc-zj", "sr-2026-01", "贯彻落实中央八项规定精神情况",
                        LocalDate.of(2026, 3, 20), "浙组〔2026〕9号", "中办发〔2025〕1号", DAY),
                new SpecialReportFiled("org-zj-zzb", "cc-zj", "sr-2026-02", "巡视整改落实情况", DAY, "浙组〔2026〕11号",
                        null, null)));
        samples.put(FindingRecorded.class, List.of(
                new FindingRecorded("org-zj-zzb", "cc-zj", "f-2026-01", FindingSource.INSPECTION_TOUR,
                        "选人用人工作存在不规范问题", LocalDate.of(2026, 6, 30), LocalDate.of(2026, 3, 10))));
        samples.put(RectificationReported.class, List.of(
                new RectificationReported("org-zj-zzb", "cc-zj", "f-2026-01", DAY, "已完成制度修订并开展专项检查", true)));
        samples.put(AssessmentRecorded.class, List.of(
                new AssessmentRecorded("org-zj-zzb", "cc-zj", 2025, AssessmentGrade.GOOD, LocalDate.of(2026, 2, 28),
                        "省直机关范围内通报")));
        samples.put(AccountabilityMeasureRecorded.class, List.of(
                new AccountabilityMeasureRecorded("org-zj-zzb", "cc-zj", "m-2026-01", "p-1002",
                        AccountabilityMeasure.TALK_REMINDER, "落实整改责任不到位", DAY)));
        samples.put(IntegrityStatementFiled.class, List.of(
                new IntegrityStatementFiled("org-zj-zzb", "cc-zj", "p-1001", 2025, LocalDate.of(2026, 1, 15))));
        return samples;
    }

    // --------------------------------------------------------------------------- (a) records <-> schema files

    @Test
    void everyEventRecordHasASchemaAndEverySchemaFileAnEventRecord() {
        Set<String> events = eventNames();
        assertThat(events).as("event records found in " + API_PACKAGE).isNotEmpty();
        Set<String> files = new TreeSet<>(schemaFileNames());
        files.remove(COMMON);
        assertThat(files).as("events/<Event>.schema.json files").isEqualTo(events);
    }

    @Test
    void everyRecordOfTheApiPackageIsAnEventACommandOrAValueTypeOfThem() {
        List<Class<?>> records = apiRecords();
        Set<Class<?>> events = records.stream().filter(EventSchemasTest::isEvent).collect(Collectors.toSet());
        Set<Class<?>> commands = records.stream().filter(EventSchemasTest::isCommand).collect(Collectors.toSet());
        Set<Class<?>> valueTypes = new LinkedHashSet<>();
        Stream.concat(events.stream(), commands.stream()).forEach(r -> componentTypes(r, valueTypes));
        List<String> unclassified = records.stream()
                .filter(r -> !events.contains(r) && !commands.contains(r) && !valueTypes.contains(r))
                .map(Class::getSimpleName).toList();
        assertThat(unclassified)
                .as("records that are neither events (implementing OrganEvent or CommitteeEvent), commands "
                        + "(@TargetAggregateIdentifier) nor value types of those: an event missing its marker?")
                .isEmpty();
    }

    @Test
    void everyEventRecordHasSamplesInThisTest() {
        Set<String> sampled = samples().keySet().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).isEqualTo(eventNames());
    }

    // ------------------------------------------------------------------------ (b) schemas and sample events

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFileNames")
    void schemaIsAValidDraft202012SchemaOfTheAgreedShape(String name) {
        JsonNode schema = schemaJson(name);
        JsonSchema metaSchema = EventSchemas.metaSchema();
        assertThat(metaSchema.validate(schema)).as(name + " against the 2020-12 meta-schema").isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").asText()).isEqualTo(ID_PREFIX + name);
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
        // Every $ref resolves (initializeValidators resolves them eagerly and throws on a dangling one).
        compile(name).initializeValidators();
        if (name.equals(COMMON)) {
            return;
        }
        assertThat(schema.path("title").asText()).isEqualTo(name);
        assertThat(schema.path("description").asText()).containsPattern("R-[A-Z]+-\\d+");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean() && schema.path("additionalProperties").asBoolean())
                .as(name + " lets consumers tolerate added fields: additionalProperties true").isTrue();
        Set<String> properties = fieldNames(schema.path("properties"));
        assertThat(strings(schema.path("required"))).isSubsetOf(properties).contains(idsOf(eventClass(name)));
        schema.path("properties").forEach(p -> assertThat(p.has("type") || p.has("$ref") || p.has("anyOf"))
                .as(name + ": every property is typed").isTrue());
        for (JsonNode example : schema.path("examples")) {
            assertThat(messages(name, example)).as(name + " example").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void schemaPropertiesAreExactlyTheRecordComponents(String name) {
        Set<String> components = Arrays.stream(eventClass(name).getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(fieldNames(schemaJson(name).path("properties")))).isEqualTo(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void serializedSamplesValidate(String name) {
        List<Object> samples = samples().get(eventClass(name));
        assertThat(samples).as("samples of " + name).isNotEmpty();
        for (Object sample : samples) {
            JsonNode json = JSON.valueToTree(sample);
            assertThat(messages(name, json)).as(name + " " + json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void sampleLackingARequiredFieldIsRejected(String name) {
        JsonNode schema = schemaJson(name);
        List<String> required = strings(schema.path("required"));
        assertThat(required).isNotEmpty();
        for (Object sample : samples().get(eventClass(name))) {
            for (String field : required) {
                ObjectNode json = JSON.valueToTree(sample);
                json.remove(field);
                assertThat(messages(name, json)).as(name + " without " + field).isNotEmpty();
                ObjectNode nulled = JSON.valueToTree(sample);
                nulled.putNull(field);
                assertThat(messages(name, nulled)).as(name + " with " + field + " null").isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void badDatesUnknownEnumValuesAndWrongTypesAreRejectedAddedFieldsTolerated(String name) {
        JsonNode schema = schemaJson(name);
        ObjectNode sample = JSON.valueToTree(samples().get(eventClass(name)).get(0));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String field = property.getKey();
            JsonNode definition = resolve(schema, property.getValue());
            if ("date".equals(definition.path("format").asText())) {
                ObjectNode json = sample.deepCopy();
                json.put(field, "31.03.2026");
                assertThat(messages(name, json)).as(name + "." + field + " not an ISO date").isNotEmpty();
            }
            if (definition.has("enum")) {
                ObjectNode json = sample.deepCopy();
                json.put(field, "NO_SUCH_VALUE");
                assertThat(messages(name, json)).as(name + "." + field + " unknown enum value").isNotEmpty();
            }
            if ("integer".equals(definition.path("type").asText())) {
                ObjectNode json = sample.deepCopy();
                json.put(field, "12");
                assertThat(messages(name, json)).as(name + "." + field + " a string for an integer").isNotEmpty();
            }
        }
        ObjectNode extended = sample.deepCopy();
        extended.put("someFieldAddedLater", "x");
        extended.putObject("anotherOne").put("nested", 1);
        assertThat(messages(name, extended)).as(name + " with added fields").isEmpty();
    }

    @Test
    void conditionalRulesOfTheDomainAreInTheSchemas() {
        // R-COM-1: only the central committee has no parent.
        ObjectNode provincial = JSON.valueToTree(samples().get(CommitteeRegistered.class).get(1));
        provincial.putNull("parentCommitteeId");
        assertThat(messages("CommitteeRegistered", provincial)).isNotEmpty();
        ObjectNode central = JSON.valueToTree(samples().get(CommitteeRegistered.class).get(0));
        central.put("parentCommitteeId", "cc-zj");
        assertThat(messages("CommitteeRegistered", central)).isNotEmpty();
        // R-ORG-3: merged or co-located organs name their related department.
        ObjectNode merged = JSON.valueToTree(samples().get(OrganCreated.class).get(1));
        merged.putNull("relatedDepartment");
        assertThat(messages("OrganCreated", merged)).isNotEmpty();
        // R-ORG-1: a working body names its coordination body, a dispatched organ its field.
        ObjectNode workingBody = JSON.valueToTree(samples().get(OrganCreated.class).get(2));
        workingBody.putNull("coordinationBody");
        assertThat(messages("OrganCreated", workingBody)).isNotEmpty();
        ObjectNode dispatched = JSON.valueToTree(samples().get(OrganCreated.class).get(3));
        dispatched.putNull("field");
        assertThat(messages("OrganCreated", dispatched)).isNotEmpty();
        // R-ORG-2: only a Party Centre approval may leave the approver committee out.
        ObjectNode upper = JSON.valueToTree(samples().get(OrganQuotaSet.class).get(0));
        ((ObjectNode) upper.get("approval")).putNull("approverCommitteeId");
        assertThat(messages("OrganQuotaSet", upper)).isNotEmpty();
        ObjectNode incomplete = JSON.valueToTree(samples().get(LeaderAppointed.class).get(1));
        ((ObjectNode) incomplete.get("approval")).remove("documentNo");
        assertThat(messages("LeaderAppointed", incomplete)).isNotEmpty();
        // R-ORG-4: a merger absorbs at least one organ.
        ObjectNode merger = JSON.valueToTree(samples().get(OrgansMerged.class).get(0));
        merger.putArray("absorbedOrganIds");
        assertThat(messages("OrgansMerged", merger)).isNotEmpty();
        // Ids follow CONTRACT.md's id pattern.
        ObjectNode badId = JSON.valueToTree(samples().get(DutyAssigned.class).get(0));
        badId.put("organId", "org with spaces");
        assertThat(messages("DutyAssigned", badId)).isNotEmpty();
    }

    // ------------------------------------------------------------------- shared definitions (common.schema.json)

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void definitionsCarriedByAnEventSchemaAreCopiesOfTheCommonOnes(String name) {
        JsonNode common = schemaJson(COMMON).path("$defs");
        JsonNode defs = schemaJson(name).path("$defs");
        for (String def : fieldNames(defs)) {
            assertThat(common.has(def)).as(name + " defines " + def + " which common.schema.json lacks").isTrue();
            assertThat(defs.get(def)).as(name + "#/$defs/" + def + " differs from common.schema.json")
                    .isEqualTo(common.get(def));
        }
    }

    @Test
    void commonDefinitionsMatchTheJavaTypes() throws ClassNotFoundException {
        JsonNode defs = schemaJson(COMMON).path("$defs");
        for (String def : fieldNames(defs)) {
            JsonNode definition = defs.get(def);
            if (definition.has("enum")) {
                Class<?> type = Class.forName(API_PACKAGE + "." + def);
                assertThat(type.isEnum()).as(def).isTrue();
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                assertThat(strings(definition.path("enum"))).as(def + " values").isEqualTo(constants);
            } else if ("object".equals(definition.path("type").asText())) {
                Class<?> type = Class.forName(API_PACKAGE + "." + def);
                Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(new TreeSet<>(fieldNames(definition.path("properties")))).as(def).isEqualTo(components);
                assertThat(definition.path("additionalProperties").asBoolean(false)).as(def).isTrue();
            }
        }
        JsonNode approval = JSON.valueToTree(BY_UPPER_COMMITTEE);
        assertThat(approval.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("proposedBy", "approvedBy", "approverCommitteeId", "documentNo", "approvedOn");
    }

    // -------------------------------------------------------------------------------------- (c) asyncapi.yaml

    @Test
    void asyncApiDocumentDescribesTheTopicAndAMessagePerEvent() throws IOException {
        JsonNode doc;
        try (InputStream in = resource("asyncapi.yaml")) {
            assertThat(in).as("asyncapi.yaml on the classpath").isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
        assertThat(doc.path("asyncapi").asText()).startsWith("3.0");
        JsonNode local = doc.path("servers").path("local");
        assertThat(local.path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(local.path("protocol").asText()).isEqualTo("kafka");

        JsonNode channel = doc.path("channels").path("organEvents");
        assertThat(channel.path("address").asText()).isEqualTo("organ-events");
        Set<String> events = eventNames();
        assertThat(new TreeSet<>(fieldNames(channel.path("messages")))).isEqualTo(events);
        assertThat(new TreeSet<>(fieldNames(doc.path("components").path("messages")))).isEqualTo(events);

        JsonNode headers = doc.path("components").path("schemas").path("CloudEventHeaders");
        assertThat(strings(headers.path("required"))).containsExactlyInAnyOrder("ce_specversion", "ce_id",
                "ce_source", "ce_type", "ce_time", "ce_subject", "ce_sequence", "content-type");
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText()).isEqualTo("1.0");
        assertThat(headers.path("properties").path("ce_source").path("const").asText()).isEqualTo("/organ-service");
        assertThat(headers.path("properties").path("content-type").path("const").asText())
                .isEqualTo("application/json");

        for (String event : events) {
            JsonNode message = doc.path("components").path("messages").path(event);
            assertThat(message.path("name").asText()).isEqualTo(event);
            String payloadRef = message.path("payload").path("schema").path("$ref").asText();
            assertThat(payloadRef).as(event + " payload").isEqualTo("./events/" + event + ".schema.json");
            try (InputStream schema = resource(payloadRef.substring(2))) {
                assertThat(schema).as(payloadRef + " next to asyncapi.yaml").isNotNull();
            }
            assertThat(message.path("headers").path("allOf").get(0).path("$ref").asText())
                    .isEqualTo("#/components/schemas/CloudEventHeaders");
            assertThat(message.path("headers").path("allOf").get(1).path("properties").path("ce_type")
                    .path("const").asText()).isEqualTo("jiguan.organ." + event);
            String key = CommitteeEvent.class.isAssignableFrom(eventClass(event)) ? "CommitteeKey" : "OrganKey";
            assertThat(message.path("bindings").path("kafka").path("key").path("$ref").asText())
                    .as(event + " record key").isEqualTo("#/components/schemas/" + key);
        }

        List<JsonNode> sends = new ArrayList<>();
        doc.path("operations").forEach(op -> {
            if ("send".equals(op.path("action").asText())
                    && "#/channels/organEvents".equals(op.path("channel").path("$ref").asText())) {
                sends.add(op);
            }
        });
        assertThat(sends).hasSize(1);
        Set<String> sent = new TreeSet<>();
        sends.get(0).path("messages").forEach(m -> sent.add(m.path("$ref").asText()
                .replace("#/channels/organEvents/messages/", "")));
        assertThat(sent).isEqualTo(events);
        assertThat(doc.path("info").path("description").asText())
                .contains("At least once").contains("ce_id").contains("partition");

        List<String> dangling = new ArrayList<>();
        collectLocalRefs(doc, dangling, doc);
        assertThat(dangling).as("local $refs of asyncapi.yaml that resolve to nothing").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static Set<String> eventNames() {
        return apiRecords().stream().filter(EventSchemasTest::isEvent).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> schemaFileNames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:events/*.schema.json");
            return Arrays.stream(resources).map(Resource::getFilename)
                    .map(f -> f.substring(0, f.length() - ".schema.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Class<?>> apiRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) ->
                Record.class.getName().equals(reader.getClassMetadata().getSuperClassName()));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(API_PACKAGE)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getPackageName().equals(API_PACKAGE)) {
                    records.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }

    private static boolean isEvent(Class<?> type) {
        return type.isRecord()
                && (OrganEvent.class.isAssignableFrom(type) || CommitteeEvent.class.isAssignableFrom(type));
    }

    private static boolean isCommand(Class<?> type) {
        return type.isRecord() && Arrays.stream(type.getRecordComponents()).anyMatch(c -> {
            try {
                return c.getAccessor().isAnnotationPresent(TargetAggregateIdentifier.class)
                        || type.getDeclaredField(c.getName()).isAnnotationPresent(TargetAggregateIdentifier.class);
            } catch (NoSuchFieldException e) {
                return false;
            }
        });
    }

    private static void componentTypes(Class<?> record, Set<Class<?>> into) {
        for (RecordComponent component : record.getRecordComponents()) {
            addType(component.getGenericType(), into);
        }
    }

    private static void addType(Type type, Set<Class<?>> into) {
        if (type instanceof Class<?> c && c.isRecord() && into.add(c)) {
            componentTypes(c, into);
        } else if (type instanceof ParameterizedType p) {
            Arrays.stream(p.getActualTypeArguments()).forEach(t -> addType(t, into));
        }
    }

    /** The ids every event must carry (CONTRACT.md: "with the ids it concerns always included"). */
    private static String[] idsOf(Class<?> event) {
        return OrganEvent.class.isAssignableFrom(event)
                ? new String[] {"organId", "committeeId"}
                : new String[] {"committeeId"};
    }

    private static Class<?> eventClass(String name) {
        try {
            Class<?> type = Class.forName(API_PACKAGE + "." + name);
            assertThat(isEvent(type)).as(name + " is an event record").isTrue();
            return type;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no event record " + API_PACKAGE + "." + name, e);
        }
    }

    private static InputStream resource(String path) {
        return EventSchemasTest.class.getClassLoader().getResourceAsStream(path);
    }

    private static JsonNode schemaJson(String name) {
        return EventSchemas.schemaJson(name);
    }

    private static JsonSchema compile(String name) {
        return EventSchemas.compile(name);
    }

    private static Set<ValidationMessage> messages(String name, JsonNode instance) {
        return compile(name).validate(instance);
    }

    /** The property's own definition, or the local $defs entry it refers to (also through a nullable anyOf). */
    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        if (property.has("$ref")) {
            return schema.at(property.get("$ref").asText().substring(1));
        }
        return property;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static void collectLocalRefs(JsonNode node, List<String> dangling, JsonNode root) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                    && root.at(ref.asText().substring(1)).isMissingNode()) {
                dangling.add(ref.asText());
            }
            node.forEach(child -> collectLocalRefs(child, dangling, root));
        } else if (node.isArray()) {
            node.forEach(child -> collectLocalRefs(child, dangling, root));
        }
    }
}
