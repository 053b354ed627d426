package org.jiguan.platform.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the limits a service's OpenAPI document states for what a client sends (CONTRACT.md "Limits"): in request
 * bodies and in query and path parameters, every string is bounded by {@code maxLength}, a {@code pattern} or an
 * {@code enum}, every date and instant by its range ({@code x-earliest}, {@code x-latest}), every list by
 * {@code maxItems} and every integer by {@code minimum} and {@code maximum}. A new endpoint that forgets one is
 * named by {@link #unboundedRequestFields}.
 */
public final class OpenApiBounds {
    private OpenApiBounds() {
    }

    /** The property of a component schema, e.g. {@code AnnualReportBody.summary}. */
    public static JsonNode property(JsonNode docs, String schema, String property) {
        return docs.path("components").path("schemas").path(schema).path("properties").path(property);
    }

    /**
     * Every field reachable from a request body, and every parameter, that states no bound: as
     * {@code Schema.property (what is missing)} or {@code GET /path ?name (what is missing)}.
     */
    public static List<String> unboundedRequestFields(JsonNode docs) {
        List<String> unbounded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            operation.path("parameters").forEach(parameter -> {
                if (!parameter.path("in").asText().equals("header")) {
                    visit(docs, op.getKey().toUpperCase() + " " + path.getKey() + " ?" + parameter.path("name").asText(),
                            parameter.path("schema"), seen, unbounded);
                }
            });
            operation.path("requestBody").path("content")
                    .forEach(media -> visit(docs, "requestBody", media.path("schema"), seen, unbounded));
        }));
        return unbounded;
    }

    private static void visit(JsonNode docs, String where, JsonNode schema, Set<String> seen, List<String> unbounded) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (seen.add(name)) {
                JsonNode target = docs.path("components").path("schemas").path(name);
                target.path("properties").fields().forEachRemaining(
                        p -> visit(docs, name + "." + p.getKey(), p.getValue(), seen, unbounded));
                if (!target.has("properties")) {
                    visit(docs, name, target, seen, unbounded);
                }
            }
            return;
        }
        String type = typeOf(schema);
        String format = schema.path("format").asText("");
        if (type.equals("string") && (format.equals("date") || format.equals("date-time"))) {
            if (!schema.has("x-earliest") || !schema.has("x-latest")) {
                unbounded.add(where + " (date range)");
            }
        } else if (type.equals("string") && !schema.has("maxLength") && !schema.has("pattern")
                && !schema.has("enum")) {
            unbounded.add(where + " (maxLength)");
        }
        if (type.equals("integer") && (!schema.has("minimum") || !schema.has("maximum"))) {
            unbounded.add(where + " (minimum and maximum)");
        }
        if (type.equals("array")) {
            if (!schema.has("maxItems")) {
                unbounded.add(where + " (maxItems)");
            }
            visit(docs, where + "[]", schema.path("items"), seen, unbounded);
        }
    }

    /** {@code type} as OpenAPI 3.0 writes it, or the non-null one of OpenAPI 3.1's list. */
    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        return type.asText("");
    }
}
