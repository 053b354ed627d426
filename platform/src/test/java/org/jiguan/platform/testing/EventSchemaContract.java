package org.jiguan.platform.testing;

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
import java.util.HashMap;
import java.util.Iterator;
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
import com.networknt.schema.ValidationMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.jiguan.platform.rules.CommandRefused;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The checks every service's published event contract passes (CONTRACT.md "Kafka event stream"): one JSON Schema
 * per event record at {@code events/<Event>.schema.json}, shared definitions in {@code events/common.schema.json},
 * and {@code asyncapi.yaml} naming a message for each. The platform's own events ({@link #PLATFORM_EVENTS}: the
 * R-AUD-1 refusals a service records) count as the service's, with samples from here. A service's test extends this with its {@link Published
 * description}, realistic {@link #samples() samples} of every event and the conditional rules of its own domain.
 * Samples are serialized the way Spring Boot's ObjectMapper writes them to Kafka (ISO dates and instants, enums by
 * name, nulls written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class EventSchemaContract {
    private static final String COMMON = "common";
    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    /** Events the platform stores in every service that records refusals, keyed by their aggregate's UUID. */
    public static final EventKind PLATFORM_EVENTS = new EventKind(CommandRefused.class, "RefusalKey", "rule",
            "target");

    /** Serializes samples as the services' Spring Boot ObjectMapper does. */
    protected static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /**
     * What a service publishes on its topic.
     *
     * @param apiPackage the package holding the event records, their commands and value types
     * @param topic the Kafka topic, {@code <name>-events}; the service is {@code <name>-service}, its schema ids
     *     {@code urn:jiguan:<name>-events:<Event>}, its CloudEvent types {@code jiguan.<name>.<Event>}
     * @param kinds the event marker interfaces, each with its record key and the ids its events always carry
     */
    public record Published(String apiPackage, String topic, List<EventKind> kinds) {
        String name() {
            return topic.substring(0, topic.length() - "-events".length());
        }

        /** The AsyncAPI channel: {@code organ-events} is {@code organEvents}. */
        String channel() {
            return name() + "Events";
        }

        /** The first kind the event is of, so list the more specific marker first. */
        EventKind kindOf(Class<?> type) {
            if (PLATFORM_EVENTS.marker().equals(type)) {
                return PLATFORM_EVENTS;
            }
            return kinds.stream().filter(k -> k.marker().isAssignableFrom(type)).findFirst().orElse(null);
        }
    }

    /**
     * One event marker interface.
     *
     * @param marker the interface its events implement
     * @param key the AsyncAPI schema of their Kafka record key ({@code #/components/schemas/<key>})
     * @param ids the ids each of its events carries, required in each schema
     */
    public record EventKind(Class<?> marker, String key, String... ids) {
    }

    private final Published published;

    protected EventSchemaContract(Published published) {
        this.published = published;
    }

    /** Realistic instances of every event, several where nullable fields or variants matter. */
    protected abstract Map<Class<?>, List<Object>> samples();

    /** The samples of one event. */
    protected final List<Object> samplesOf(Class<?> event) {
        return allSamples().get(event);
    }

    /** The service's samples and the platform's. */
    private Map<Class<?>, List<Object>> allSamples() {
        Map<Class<?>, List<Object>> all = new HashMap<>(samples());
        all.put(CommandRefused.class, List.of(
                new CommandRefused("R-ORG-6", "人员配备不得突破编制限额", "zzb-admin", "ReportHeadcount", "zj-zuzhibu", null, "zj-zuzhibu",
                        LocalDate.of(2026, 3, 31), "headcount 999 exceeds the staffing quota of 80"),
                new CommandRefused("R-COM-2", null, "-", "CreateOrgan", "zj-new", "cc-zj", null, null, "quota used")));
        return all;
    }

    /** What the event's schema says of an instance: nothing when it validates. */
    protected static Set<ValidationMessage> messages(String event, JsonNode instance) {
        return EventSchemas.compile(event).validate(instance);
    }

    // --------------------------------------------------------------------------- (a) records <-> schema files

    @Test
    void everyEventRecordHasASchemaAndEverySchemaFileAnEventRecord() {
        Set<String> events = eventNames();
        assertThat(events).as("event records found in " + published.apiPackage()).isNotEmpty();
        Set<String> files = new TreeSet<>(schemaFileNames());
        files.remove(COMMON);
        assertThat(files).as("events/<Event>.schema.json files").isEqualTo(events);
    }

    @Test
    void everyRecordOfTheApiPackageIsAnEventACommandOrAValueTypeOfThem() {
        List<Class<?>> records = apiRecords();
        Set<Class<?>> events = records.stream().filter(this::isEvent).collect(Collectors.toSet());
        Set<Class<?>> commands = records.stream().filter(EventSchemaContract::isCommand).collect(Collectors.toSet());
        Set<Class<?>> valueTypes = new LinkedHashSet<>();
        Stream.concat(events.stream(), commands.stream()).forEach(r -> componentTypes(r, valueTypes));
        List<String> unclassified = records.stream()
                .filter(r -> !events.contains(r) && !commands.contains(r) && !valueTypes.contains(r))
                .map(Class::getSimpleName).toList();
        String markers = published.kinds().stream().map(k -> k.marker().getSimpleName())
                .collect(Collectors.joining(" or "));
        assertThat(unclassified)
                .as("records that are neither events (implementing " + markers + "), commands "
                        + "(@TargetAggregateIdentifier) nor value types of those: an event missing its marker?")
                .isEmpty();
    }

    @Test
    void everyEventRecordHasSamplesInThisTest() {
        Set<String> sampled = allSamples().keySet().stream().map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).isEqualTo(eventNames());
    }

    // ------------------------------------------------------------------------ (b) schemas and sample events

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaFileNames")
    void schemaIsAValidDraft202012SchemaOfTheAgreedShape(String name) {
        JsonNode schema = EventSchemas.schemaJson(name);
        assertThat(EventSchemas.metaSchema().validate(schema)).as(name + " against the 2020-12 meta-schema").isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(schema.path("$id").asText()).isEqualTo("urn:jiguan:" + published.topic() + ":" + name);
        assertThat(schema.path("title").asText()).isNotBlank();
        assertThat(schema.path("description").asText()).isNotBlank();
        // Every $ref resolves (initializeValidators resolves them eagerly and throws on a dangling one).
        EventSchemas.compile(name).initializeValidators();
        if (name.equals(COMMON)) {
            return;
        }
        assertThat(schema.path("title").asText()).isEqualTo(name);
        assertThat(schema.path("description").asText()).containsPattern("R-[A-Z]+-\\d+");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("additionalProperties").isBoolean() && schema.path("additionalProperties").asBoolean())
                .as(name + " lets consumers tolerate added fields: additionalProperties true").isTrue();
        Set<String> properties = fieldNames(schema.path("properties"));
        assertThat(strings(schema.path("required"))).isSubsetOf(properties)
                .contains(published.kindOf(eventClass(name)).ids());
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
        assertThat(new TreeSet<>(fieldNames(EventSchemas.schemaJson(name).path("properties")))).isEqualTo(components);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void serializedSamplesValidate(String name) {
        List<Object> samples = samplesOf(eventClass(name));
        assertThat(samples).as("samples of " + name).isNotEmpty();
        for (Object sample : samples) {
            JsonNode json = JSON.valueToTree(sample);
            assertThat(messages(name, json)).as(name + " " + json).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void sampleLackingARequiredFieldIsRejected(String name) {
        List<String> required = strings(EventSchemas.schemaJson(name).path("required"));
        assertThat(required).isNotEmpty();
        for (Object sample : samplesOf(eventClass(name))) {
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
        JsonNode schema = EventSchemas.schemaJson(name);
        Set<String> optional = fieldNames(schema.path("properties"));
        optional.removeAll(strings(schema.path("required")));
        for (String field : optional) {
            boolean acceptedSomewhere = samplesOf(eventClass(name)).stream().anyMatch(sample -> {
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
        JsonNode schema = EventSchemas.schemaJson(name);
        ObjectNode sample = JSON.valueToTree(samplesOf(eventClass(name)).get(0));
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

    // ------------------------------------------------------------------- shared definitions (common.schema.json)

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventNames")
    void definitionsCarriedByAnEventSchemaAreCopiesOfTheCommonOnes(String name) {
        JsonNode common = EventSchemas.schemaJson(COMMON).path("$defs");
        JsonNode defs = EventSchemas.schemaJson(name).path("$defs");
        for (String def : fieldNames(defs)) {
            assertThat(common.has(def)).as(name + " defines " + def + " which common.schema.json lacks").isTrue();
            assertThat(defs.get(def)).as(name + "#/$defs/" + def + " differs from common.schema.json")
                    .isEqualTo(common.get(def));
        }
    }

    @Test
    void commonDefinitionsMatchTheJavaTypes() throws ClassNotFoundException {
        JsonNode defs = EventSchemas.schemaJson(COMMON).path("$defs");
        for (String def : fieldNames(defs)) {
            JsonNode definition = defs.get(def);
            if (definition.has("enum")) {
                Class<?> type = Class.forName(published.apiPackage() + "." + def);
                assertThat(type.isEnum()).as(def).isTrue();
                List<String> constants = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                assertThat(strings(definition.path("enum"))).as(def + " values").isEqualTo(constants);
            } else if ("object".equals(definition.path("type").asText())) {
                Class<?> type = Class.forName(published.apiPackage() + "." + def);
                Set<String> components = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(new TreeSet<>(fieldNames(definition.path("properties")))).as(def).isEqualTo(components);
                assertThat(definition.path("additionalProperties").asBoolean(false)).as(def).isTrue();
            }
        }
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

        String channelRef = "#/channels/" + published.channel();
        JsonNode channel = doc.path("channels").path(published.channel());
        assertThat(channel.path("address").asText()).isEqualTo(published.topic());
        Set<String> events = eventNames();
        assertThat(new TreeSet<>(fieldNames(channel.path("messages")))).isEqualTo(events);
        assertThat(new TreeSet<>(fieldNames(doc.path("components").path("messages")))).isEqualTo(events);

        JsonNode headers = doc.path("components").path("schemas").path("CloudEventHeaders");
        assertThat(strings(headers.path("required"))).containsExactlyInAnyOrder("ce_specversion", "ce_id",
                "ce_source", "ce_type", "ce_time", "ce_subject", "ce_sequence", "content-type");
        assertThat(headers.path("properties").path("ce_specversion").path("const").asText()).isEqualTo("1.0");
        assertThat(headers.path("properties").path("ce_source").path("const").asText())
                .isEqualTo("/" + published.name() + "-service");
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
                    .path("const").asText()).isEqualTo("jiguan." + published.name() + "." + event);
            String key = published.kindOf(eventClass(event)).key();
            assertThat(message.path("bindings").path("kafka").path("key").path("$ref").asText())
                    .as(event + " record key").isEqualTo("#/components/schemas/" + key);
        }

        List<JsonNode> sends = new ArrayList<>();
        doc.path("operations").forEach(op -> {
            if ("send".equals(op.path("action").asText())
                    && channelRef.equals(op.path("channel").path("$ref").asText())) {
                sends.add(op);
            }
        });
        assertThat(sends).hasSize(1);
        Set<String> sent = new TreeSet<>();
        sends.get(0).path("messages").forEach(m -> sent.add(m.path("$ref").asText()
                .replace(channelRef + "/messages/", "")));
        assertThat(sent).isEqualTo(events);
        assertThat(doc.path("info").path("description").asText())
                .contains("At least once").contains("ce_id").contains("partition");

        List<String> dangling = new ArrayList<>();
        collectLocalRefs(doc, dangling, doc);
        assertThat(dangling).as("local $refs of asyncapi.yaml that resolve to nothing").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The simple names of the event records of the api package, and of the platform's events. */
    protected final Set<String> eventNames() {
        Set<String> names = apiRecords().stream().filter(this::isEvent).map(Class::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        names.add(PLATFORM_EVENTS.marker().getSimpleName());
        return names;
    }

    protected final List<String> schemaFileNames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath:events/*.schema.json");
            return Arrays.stream(resources).map(Resource::getFilename)
                    .map(f -> f.substring(0, f.length() - ".schema.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Class<?>> apiRecords() {
        String apiPackage = published.apiPackage();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) ->
                Record.class.getName().equals(reader.getClassMetadata().getSuperClassName()));
        List<Class<?>> records = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(apiPackage)) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                if (type.getPackageName().equals(apiPackage)) {
                    records.add(type);
                }
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return records;
    }

    private boolean isEvent(Class<?> type) {
        return type.isRecord() && published.kindOf(type) != null;
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

    private Class<?> eventClass(String name) {
        if (PLATFORM_EVENTS.marker().getSimpleName().equals(name)) {
            return PLATFORM_EVENTS.marker();
        }
        try {
            Class<?> type = Class.forName(published.apiPackage() + "." + name);
            assertThat(isEvent(type)).as(name + " is an event record").isTrue();
            return type;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no event record " + published.apiPackage() + "." + name, e);
        }
    }

    private InputStream resource(String path) {
        return getClass().getClassLoader().getResourceAsStream(path);
    }

    /** The property's own definition, or the local $defs entry it refers to. */
    /** The definition a property refers to; for a nullable one ({@code anyOf [X, null]}), X's. */
    private static JsonNode resolve(JsonNode schema, JsonNode property) {
        if (property.has("anyOf")) {
            for (JsonNode branch : property.get("anyOf")) {
                if (!"null".equals(branch.path("type").asText())) {
                    return resolve(schema, branch);
                }
            }
        }
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
