package org.jiguan.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
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
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.AgendaItemAdded;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.DecisionEvent;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReconsidered;
import org.jiguan.meeting.api.DecisionRevokedByCommittee;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.DecisionTaskAssigned;
import org.jiguan.meeting.api.ItemAdopted;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.ItemDeferred;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.ItemRejected;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.MeetingAdjourned;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingEvent;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesIssued;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.TaskFeedbackReported;
import org.jiguan.meeting.api.UrgentDecisionReported;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.meeting.api.VotingOpened;
import org.jiguan.platform.testing.EventSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The published event contract of meeting-service (CONTRACT.md "Kafka event stream"): one JSON Schema per event
 * record at {@code events/<Event>.schema.json}, shared definitions in {@code events/common.schema.json}, and
 * {@code asyncapi.yaml} naming a message for each. Samples are serialized the way Spring Boot's ObjectMapper
 * writes them to Kafka (ISO dates and instants, enums by name, nulls written).
 */
class EventSchemasTest {
    private static final String API_PACKAGE = "org.jiguan.meeting.api";
    private static final String COMMON = "common";
    private static final String ID_PREFIX = "urn:jiguan:meeting-events:";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    // ---------------------------------------------------------------------------------------------- samples

    private static final String ORGAN = "org-zj-zzb";
    private static final String COMMITTEE = "cc-zj";
    private static final String MEETING = "mtg-2026-11-10";
    private static final String DECISION = "dec-2026-031";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 10);
    /** 09:00 on 10 November 2026 in Beijing. */
    private static final Instant NINE = Instant.parse("2026-11-10T01:00:00Z");
    /** The leadership body on the meeting date: five voting members (R-MEET-5). */
    private static final List<BodyMember> BODY = List.of(
            new BodyMember("p-1001", "王明", LeaderRole.PRINCIPAL, false),
            new BodyMember("p-1002", "李华", LeaderRole.DEPUTY, false),
            new BodyMember("p-1003", "张强", LeaderRole.EXECUTIVE_DEPUTY, false),
            new BodyMember("p-1004", "赵丽", LeaderRole.DISCIPLINE_GROUP_LEADER, false),
            new BodyMember("p-1005", "陈刚", LeaderRole.MEMBER, false));
    private static final AgendaItem PERSONNEL = new AgendaItem("item-1", "关于干部任免的议题", ItemCategory.PERSONNEL,
            false, null);
    /** A major item bearing on macro policy: five preparation steps before the vote (R-MEET-8). */
    private static final AgendaItem FUNDS = new AgendaItem("item-2", "关于调整专项资金安排的议题",
            ItemCategory.LARGE_FUNDS, true, null);
    /** Reconsiders an earlier decision (复议, R-MEET-13). */
    private static final AgendaItem RECONSIDERATION = new AgendaItem("item-re", "关于复议干部任免决定的议题",
            ItemCategory.PERSONNEL, false, "dec-2026-019");
    private static final AgendaItem IMPLEMENTATION = new AgendaItem("item-impl", "推动干部教育培训规划落实",
            ItemCategory.IMPLEMENTATION, false, null);

    /** Realistic instances of every event, several where nullable fields or variants matter. */
    private static Map<Class<?>, List<Object>> samples() {
        Map<Class<?>, List<Object>> samples = new LinkedHashMap<>();
        samples.put(MeetingConvened.class, List.of(
                // An affairs meeting convened by the principal with two days' notice.
                new MeetingConvened(MEETING, ORGAN, COMMITTEE, "中共浙江省委组织部", DAY, MeetingKind.AFFAIRS, "p-1001",
                        ConvenerBasis.PRINCIPAL, null, NINE, NINE.minusSeconds(2 * 86_400), false, null, "rec-01",
                        List.of(PERSONNEL, FUNDS, RECONSIDERATION), List.of(new Attendee("staff-01", "办公室主任")),
                        BODY),
                // An emergency meeting without notice, chaired on the principal's delegation (R-MEET-3, R-MEET-4).
                new MeetingConvened("mtg-2026-11-18-emg", ORGAN, COMMITTEE, "中共浙江省委组织部",
                        LocalDate.of(2026, 11, 18), MeetingKind.AFFAIRS, "p-1002", ConvenerBasis.DELEGATED_BY_PRINCIPAL,
                        new ConvenerMandate("p-1001", null, LocalDate.of(2026, 11, 17)),
                        Instant.parse("2026-11-18T06:00:00Z"), null, true, "汛情突发,需立即研究应急处置", "rec-01",
                        List.of(new AgendaItem("item-flood", "关于防汛救灾应急处置的议题", ItemCategory.OTHER, false, null)),
                        List.of(), BODY),
                // An office meeting chaired on the committee's designation, with notice given anyway.
                new MeetingConvened("mtg-2026-10-office", ORGAN, COMMITTEE, "中共浙江省委组织部",
                        LocalDate.of(2026, 10, 20), MeetingKind.OFFICE, "p-1003",
                        ConvenerBasis.DESIGNATED_BY_COMMITTEE,
                        new ConvenerMandate(COMMITTEE, "浙委办〔2026〕41号", LocalDate.of(2026, 10, 9)),
                        Instant.parse("2026-10-20T02:00:00Z"), Instant.parse("2026-10-16T08:00:00Z"), false, null,
                        "rec-02", List.of(IMPLEMENTATION), List.of(), BODY)));
        samples.put(AgendaItemAdded.class, List.of(
                new AgendaItemAdded("mtg-2026-11-18-emg", ORGAN, COMMITTEE,
                        new AgendaItem("item-supplies", "关于紧急调拨救灾物资的议题", ItemCategory.LARGE_FUNDS, false,
                                null))));
        samples.put(ItemPreparationRecorded.class, List.of(
                new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "item-2", PreparationStep.LEGALITY_REVIEW,
                        LocalDate.of(2026, 11, 5), "经法规处审查,未发现合规性问题"),
                new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, "item-2",
                        PreparationStep.MACRO_POLICY_ASSESSMENT, LocalDate.of(2026, 11, 6), null)));
        samples.put(MeetingOpened.class, List.of(
                new MeetingOpened(MEETING, ORGAN, COMMITTEE, NINE.plusSeconds(300), BODY,
                        List.of("p-1001", "p-1002", "p-1003", "p-1004"),
                        List.of(new Absence("p-1005", "同意干部任免议题"))),
                new MeetingOpened("mtg-2026-10-office", ORGAN, COMMITTEE, Instant.parse("2026-10-20T02:00:00Z"), BODY,
                        List.of("p-1001", "p-1002", "p-1003"),
                        List.of(new Absence("p-1004", null), new Absence("p-1005", null)))));
        samples.put(MemberRecused.class, List.of(
                new MemberRecused(MEETING, ORGAN, COMMITTEE, "item-2", "p-1003", "亲属任职于拟拨款单位")));
        samples.put(VotingOpened.class, List.of(
                new VotingOpened(MEETING, ORGAN, COMMITTEE, "item-1", VotingMethod.SECRET_BALLOT),
                new VotingOpened(MEETING, ORGAN, COMMITTEE, "item-2", VotingMethod.SHOW_OF_HANDS)));
        samples.put(VoteRecorded.class, List.of(
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-2", "p-1002", VoteChoice.FOR,
                        VotingMethod.SHOW_OF_HANDS),
                // A secret ballot keeps who voted, not how (R-MEET-9).
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-1", "p-1004", null, VotingMethod.SECRET_BALLOT),
                new VoteRecorded(MEETING, ORGAN, COMMITTEE, "item-3", "p-1001", VoteChoice.ABSTAIN,
                        VotingMethod.ROLL_CALL)));
        samples.put(ItemAdopted.class, List.of(
                // Secret ballot: the tellers' count, 4 FOR of 5 who should attend.
                new ItemAdopted(MEETING, ORGAN, COMMITTEE, "item-1", DECISION, PERSONNEL.title(),
                        PERSONNEL.category(), 4, 0, 0, 5, VotingMethod.SECRET_BALLOT,
                        List.of("p-1002", "p-1003", "p-1004", "p-1001"), NINE.plusSeconds(2_400), null),
                new ItemAdopted("mtg-2026-11-20", ORGAN, COMMITTEE, "item-re", "dec-2026-040",
                        RECONSIDERATION.title(), RECONSIDERATION.category(), 4, 1, 0, 5, VotingMethod.SHOW_OF_HANDS,
                        List.of(), Instant.parse("2026-11-20T02:00:00Z"), "dec-2026-019")));
        samples.put(ItemRejected.class, List.of(
                // Most of those voting were FOR, but 2 do not exceed half of 5 (R-MEET-10).
                new ItemRejected(MEETING, ORGAN, COMMITTEE, "item-2", FUNDS.title(), FUNDS.category(), 2, 1, 0, 5,
                        VotingMethod.SHOW_OF_HANDS, List.of("p-1002", "p-1004", "p-1001"), NINE.plusSeconds(4_200)),
                new ItemRejected(MEETING, ORGAN, COMMITTEE, "item-1", PERSONNEL.title(), PERSONNEL.category(), 0, 3,
                        1, 5, VotingMethod.SECRET_BALLOT, List.of(), NINE.plusSeconds(4_200))));
        samples.put(ItemDeferred.class, List.of(
                new ItemDeferred(MEETING, ORGAN, COMMITTEE, "item-3", "意见分歧较大,需进一步调研论证")));
        samples.put(MinutesRecorded.class, List.of(
                new MinutesRecorded(MEETING, ORGAN, COMMITTEE, "rec-01", "会议审议了干部任免、专项资金调整等三项议题……")));
        samples.put(MinutesIssued.class, List.of(
                new MinutesIssued(MEETING, ORGAN, COMMITTEE, "p-1001", Instant.parse("2026-11-12T03:00:00.123Z"))));
        samples.put(MeetingAdjourned.class, List.of(
                new MeetingAdjourned(MEETING, ORGAN, COMMITTEE, NINE.plusSeconds(9_000), List.of()),
                new MeetingAdjourned("mtg-2026-11-18-emg", ORGAN, COMMITTEE, Instant.parse("2026-11-18T08:00:00Z"),
                        List.of("item-supplies"))));
        samples.put(DecisionTaken.class, List.of(
                new DecisionTaken(DECISION, ORGAN, COMMITTEE, MEETING, "item-1", PERSONNEL.title(),
                        PERSONNEL.category(), DAY, DecisionOrigin.MEETING, null),
                new DecisionTaken("dec-2026-040", ORGAN, COMMITTEE, "mtg-2026-11-20", "item-re",
                        RECONSIDERATION.title(), RECONSIDERATION.category(), LocalDate.of(2026, 11, 20),
                        DecisionOrigin.MEETING, "dec-2026-019")));
        samples.put(UrgentDecisionTaken.class, List.of(
                new UrgentDecisionTaken("dec-2026-urg-01", ORGAN, COMMITTEE, "p-1001", "关于紧急调拨防汛物资的决定",
                        ItemCategory.LARGE_FUNDS, LocalDate.of(2026, 11, 14), "汛情突发,无法及时召开部务会议",
                        DecisionOrigin.URGENT)));
        samples.put(UrgentDecisionReported.class, List.of(
                new UrgentDecisionReported("dec-2026-urg-01", ORGAN, COMMITTEE, "mtg-2026-11-20",
                        LocalDate.of(2026, 11, 20))));
        samples.put(DecisionTaskAssigned.class, List.of(
                new DecisionTaskAssigned(DECISION, ORGAN, COMMITTEE, "task-1", "干部一处", LocalDate.of(2026, 12, 31),
                        "办理任职手续并报备")));
        samples.put(TaskFeedbackReported.class, List.of(
                new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "task-1", LocalDate.of(2026, 11, 16), false,
                        "已完成考察谈话"),
                new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "task-1", LocalDate.of(2026, 11, 20), true,
                        null)));
        samples.put(DecisionRevokedByCommittee.class, List.of(
                new DecisionRevokedByCommittee(DECISION, ORGAN, COMMITTEE, RevocationAction.REVOKE, "任免程序不符合规定",
                        LocalDate.of(2026, 11, 20)),
                new DecisionRevokedByCommittee("dec-2026-033", ORGAN, COMMITTEE, RevocationAction.CHANGE,
                        "资金用途调整为防汛救灾", LocalDate.of(2026, 11, 21))));
        samples.put(DecisionReconsidered.class, List.of(
                new DecisionReconsidered("dec-2026-019", ORGAN, COMMITTEE, "mtg-2026-11-20", "item-re",
                        "dec-2026-040", LocalDate.of(2026, 11, 20))));
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
                .as("records that are neither events (implementing MeetingEvent or DecisionEvent), commands "
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
        assertThat(schema.path("examples")).as(name + " has an example").isNotEmpty();
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
    void everyComponentLeftOutOfRequiredIsNullable(String name) {
        JsonNode schema = schemaJson(name);
        Set<String> optional = fieldNames(schema.path("properties"));
        optional.removeAll(strings(schema.path("required")));
        for (String field : optional) {
            boolean acceptedSomewhere = samples().get(eventClass(name)).stream().anyMatch(sample -> {
                ObjectNode nulled = JSON.valueToTree(sample);
                nulled.putNull(field);
                return messages(name, nulled).isEmpty();
            });
            assertThat(acceptedSomewhere).as(name + "." + field + " is not required, so some sample takes it null")
                    .isTrue();
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
                json.put(field, "10.11.2026");
                assertThat(messages(name, json)).as(name + "." + field + " not an ISO date").isNotEmpty();
            }
            if ("date-time".equals(definition.path("format").asText())) {
                ObjectNode json = sample.deepCopy();
                json.put(field, "10.11.2026 09:00");
                assertThat(messages(name, json)).as(name + "." + field + " not an ISO date-time").isNotEmpty();
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
        List<Object> convened = samples().get(MeetingConvened.class);
        // R-MEET-4: without an emergency the notice is given; an emergency says why.
        ObjectNode withoutNotice = JSON.valueToTree(convened.get(0));
        withoutNotice.putNull("noticeGivenAt");
        assertThat(messages("MeetingConvened", withoutNotice)).isNotEmpty();
        ObjectNode emergencyWithoutReason = JSON.valueToTree(convened.get(1));
        emergencyWithoutReason.putNull("emergencyReason");
        assertThat(messages("MeetingConvened", emergencyWithoutReason)).isNotEmpty();
        emergencyWithoutReason.put("emergencyReason", "");
        assertThat(messages("MeetingConvened", emergencyWithoutReason)).isNotEmpty();
        // R-MEET-3: a convener who is not the principal has a recorded mandate; a designation its document number.
        ObjectNode delegatedWithoutMandate = JSON.valueToTree(convened.get(1));
        delegatedWithoutMandate.putNull("mandate");
        assertThat(messages("MeetingConvened", delegatedWithoutMandate)).isNotEmpty();
        ObjectNode designatedWithoutDocument = JSON.valueToTree(convened.get(2));
        ((ObjectNode) designatedWithoutDocument.get("mandate")).putNull("documentNo");
        assertThat(messages("MeetingConvened", designatedWithoutDocument)).isNotEmpty();
        ObjectNode incompleteMandate = JSON.valueToTree(convened.get(1));
        ((ObjectNode) incompleteMandate.get("mandate")).remove("grantedOn");
        assertThat(messages("MeetingConvened", incompleteMandate)).isNotEmpty();
        // R-MEET-13: only an affairs meeting reconsiders a decision.
        ObjectNode officeReconsidering = JSON.valueToTree(convened.get(2));
        ((ObjectNode) officeReconsidering.get("agenda").get(0)).put("reconsidersDecisionId", "dec-2026-019");
        assertThat(messages("MeetingConvened", officeReconsidering)).isNotEmpty();
        // R-MEET-2, R-MEET-5: an agenda and a body.
        ObjectNode noAgenda = JSON.valueToTree(convened.get(0));
        noAgenda.putArray("agenda");
        assertThat(messages("MeetingConvened", noAgenda)).isNotEmpty();
        ObjectNode untitled = JSON.valueToTree(convened.get(0));
        ((ObjectNode) untitled.get("agenda").get(1)).remove("title");
        assertThat(messages("MeetingConvened", untitled)).isNotEmpty();
        ObjectNode unknownRole = JSON.valueToTree(convened.get(0));
        ((ObjectNode) unknownRole.get("votingMembers").get(0)).put("role", "CHAIRMAN");
        assertThat(messages("MeetingConvened", unknownRole)).isNotEmpty();
        // R-MEET-9: a secret ballot keeps who voted, not how; every other method records the choice.
        ObjectNode secretWithChoice = JSON.valueToTree(samples().get(VoteRecorded.class).get(1));
        secretWithChoice.put("choice", "FOR");
        assertThat(messages("VoteRecorded", secretWithChoice)).isNotEmpty();
        ObjectNode openWithoutChoice = JSON.valueToTree(samples().get(VoteRecorded.class).get(0));
        openWithoutChoice.putNull("choice");
        assertThat(messages("VoteRecorded", openWithoutChoice)).isNotEmpty();
        // R-MEET-10: nothing is adopted without FOR votes.
        ObjectNode adoptedWithoutVotes = JSON.valueToTree(samples().get(ItemAdopted.class).get(0));
        adoptedWithoutVotes.put("forVotes", 0);
        assertThat(messages("ItemAdopted", adoptedWithoutVotes)).isNotEmpty();
        ObjectNode negative = JSON.valueToTree(samples().get(ItemRejected.class).get(0));
        negative.put("againstVotes", -1);
        assertThat(messages("ItemRejected", negative)).isNotEmpty();
        ObjectNode twicePositioned = JSON.valueToTree(samples().get(ItemRejected.class).get(0));
        twicePositioned.putArray("positionsOrder").add("p-1002").add("p-1002");
        assertThat(messages("ItemRejected", twicePositioned)).isNotEmpty();
        // R-MEET-6: a meeting opens with someone present.
        ObjectNode nobodyPresent = JSON.valueToTree(samples().get(MeetingOpened.class).get(0));
        nobodyPresent.putArray("present");
        assertThat(messages("MeetingOpened", nobodyPresent)).isNotEmpty();
        // A meeting's decision and an urgent decision say so.
        ObjectNode takenAsUrgent = JSON.valueToTree(samples().get(DecisionTaken.class).get(0));
        takenAsUrgent.put("origin", "URGENT");
        assertThat(messages("DecisionTaken", takenAsUrgent)).isNotEmpty();
        ObjectNode urgentAsMeeting = JSON.valueToTree(samples().get(UrgentDecisionTaken.class).get(0));
        urgentAsMeeting.put("origin", "MEETING");
        assertThat(messages("UrgentDecisionTaken", urgentAsMeeting)).isNotEmpty();
        // Ids follow CONTRACT.md's id pattern.
        ObjectNode badId = JSON.valueToTree(samples().get(ItemDeferred.class).get(0));
        badId.put("meetingId", "meeting with spaces");
        assertThat(messages("ItemDeferred", badId)).isNotEmpty();
        ObjectNode badDecisionId = JSON.valueToTree(samples().get(DecisionReconsidered.class).get(0));
        badDecisionId.put("newDecisionId", "");
        assertThat(messages("DecisionReconsidered", badDecisionId)).isNotEmpty();
        // Instants are ISO-8601 date-times.
        ObjectNode badInstant = JSON.valueToTree(samples().get(MeetingAdjourned.class).get(0));
        badInstant.put("at", "2026-11-10 11:30");
        assertThat(messages("MeetingAdjourned", badInstant)).isNotEmpty();
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
        // Value types serialize by their record components only: no derived getters leak into the events.
        assertThat(JSON.valueToTree(RECONSIDERATION).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("itemId", "title", "category", "macroPolicy", "reconsidersDecisionId");
        assertThat(JSON.valueToTree(BODY.get(0)).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("memberId", "name", "role", "concurrentUpperLevelPost");
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

        JsonNode channel = doc.path("channels").path("meetingEvents");
        assertThat(channel.path("address").asText()).isEqualTo("meeting-events");
        Set<String> events = eventNames();
        assertThat(new TreeSet<>(fieldNames(channel.path("messages")))).isEqualTo(events);
        assertThat(new TreeSet<>(fieldNames(doc.path("components").path("messages")))).isEqualTo(events);

        JsonNode headers = doc.path("components").path("schemas").path("CloudEventHeaders");
        assertThat(strings(headers.path("required"))).containsExactlyInAnyOrder("ce_specversion", "ce_id",
                "ce_source", "ce_type", "ce_time", "ce_subject", "ce_sequence", "content-type");
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText()).isEqualTo("1.0");
        assertThat(headers.path("properties").path("ce_source").path("const").asText()).isEqualTo("/meeting-service");
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
                    .path("const").asText()).isEqualTo("jiguan.meeting." + event);
            String key = DecisionEvent.class.isAssignableFrom(eventClass(event)) ? "DecisionKey" : "MeetingKey";
            assertThat(message.path("bindings").path("kafka").path("key").path("$ref").asText())
                    .as(event + " record key").isEqualTo("#/components/schemas/" + key);
        }

        List<JsonNode> sends = new ArrayList<>();
        doc.path("operations").forEach(op -> {
            if ("send".equals(op.path("action").asText())
                    && "#/channels/meetingEvents".equals(op.path("channel").path("$ref").asText())) {
                sends.add(op);
            }
        });
        assertThat(sends).hasSize(1);
        Set<String> sent = new TreeSet<>();
        sends.get(0).path("messages").forEach(m -> sent.add(m.path("$ref").asText()
                .replace("#/channels/meetingEvents/messages/", "")));
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
                && (MeetingEvent.class.isAssignableFrom(type) || DecisionEvent.class.isAssignableFrom(type));
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
        return MeetingEvent.class.isAssignableFrom(event)
                ? new String[] {"meetingId", "organId", "committeeId"}
                : new String[] {"decisionId", "organId", "committeeId"};
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
