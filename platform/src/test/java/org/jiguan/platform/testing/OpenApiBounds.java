package org.jiguan.platform.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the limits a service's OpenAPI document states for its request bodies (CONTRACT.md "Limits"): every
 * string is bounded by {@code maxLength}, a {@code pattern}, an {@code enum} or a date format, every list by
 * {@code maxItems}.
 */
public final class OpenApiBounds {
    private OpenApiBounds() {
    }

    /** The property of a component schema, e.g. {@code AnnualReportBody.summary}. */
    public static JsonNode property(JsonNode docs, String schema, String property) {
        return docs.path("components").path("schemas").path(schema).path("properties").path(property);
    }

    /** Every string or list reachable from a request body that states no bound, as {@code Schema.property}. */
    public static List<String> unboundedRequestFields(JsonNode docs) {
        List<String> unbounded = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        docs.path("paths").forEach(item -> item.forEach(operation -> operation.path("requestBody").path("content")
                .forEach(media -> visit(docs, "requestBody", media.path("schema"), seen, unbounded))));
        return unbounded;
    }

    private static void visit(JsonNode docs, String where, JsonNode schema, Set<String> seen, List<String> unbounded) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            if (seen.add(name)) {
                docs.path("components").path("schemas").path(name).path("properties").fields().forEachRemaining(
                        p -> visit(docs, name + "." + p.getKey(), p.getValue(), seen, unbounded));
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (type.equals("string") && !schema.has("maxLength") && !schema.has("pattern") && !schema.has("enum")
                && !schema.has("format")) {
            unbounded.add(where);
        }
        if (type.equals("array")) {
            if (!schema.has("maxItems")) {
                unbounded.add(where);
            }
            visit(docs, where + "[]", schema.path("items"), seen, unbounded);
        }
    }
}
