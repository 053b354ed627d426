package org.jiguan.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A service's published JSON Schemas ({@code events/<EventType>.schema.json} on its classpath), and another
 * service's, read from its source tree, for a consumer's test against the producer's contract.
 */
public final class EventSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Format assertions on, so "format": "date" is checked and not only annotated. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventSchemas() {
    }

    /**
     * Every event type of the service's own domain that has a schema: the shared {@code common} definitions and
     * the platform's refusals ({@code CommandRefused}, R-AUD-1, which every recording service publishes) excluded.
     */
    public static Set<String> eventTypes() {
        String refusals = EventSchemaContract.PLATFORM_EVENTS.marker().getSimpleName();
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:events/*.schema.json");
            return Arrays.stream(files)
                    .map(f -> f.getFilename().replace(".schema.json", ""))
                    .filter(name -> !name.equals("common") && !name.equals(refusals))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode schemaJson(String eventType) {
        try (InputStream in = EventSchemas.class.getClassLoader()
                .getResourceAsStream("events/" + eventType + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("No schema events/" + eventType + ".schema.json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonSchema compile(String eventType) {
        return FACTORY.getSchema(schemaJson(eventType), CONFIG);
    }

    /** Draft 2020-12's own meta-schema, to check that each schema is itself valid. */
    public static JsonSchema metaSchema() {
        return FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"), CONFIG);
    }

    public static Set<ValidationMessage> validate(String eventType, JsonNode instance) {
        return compile(eventType).validate(instance);
    }

    /** Checks an event against the schema of a producer's source tree, e.g. {@code ../organ-service/src/main/resources/events}. */
    public static Set<ValidationMessage> validate(java.nio.file.Path schemaDirectory, String eventType, JsonNode instance) {
        try (InputStream in = java.nio.file.Files.newInputStream(schemaDirectory.resolve(eventType + ".schema.json"))) {
            JsonSchema schema = FACTORY.getSchema(JSON.readTree(in), CONFIG);
            return schema.validate(instance);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema directory of another service's source tree, from a sibling module's working directory. */
    public static java.nio.file.Path sourceTree(String service) {
        return java.nio.file.Path.of("..", service, "src", "main", "resources", "events");
    }

    /** Fails unless the event matches the schema {@code service} publishes for its type. */
    public static void assertMatchesSchemaOf(String service, String eventType, JsonNode instance) {
        Set<ValidationMessage> errors = validate(sourceTree(service), eventType, instance);
        if (!errors.isEmpty()) {
            throw new AssertionError(eventType + " does not match " + service + "'s schema: " + errors + "\n" + instance);
        }
    }
}
