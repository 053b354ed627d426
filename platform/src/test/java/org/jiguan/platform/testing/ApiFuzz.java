package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jiguan.platform.time.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A property-based fuzz of a service's HTTP API, driven by the service's own OpenAPI document (read with
 * swagger-core): for every operation it builds requests whose path and query parameters and bodies are generated
 * from the schemas and then mutated (wrong types, nulls, missing and extra fields, huge and odd strings, edge dates,
 * deep nesting, bodies that are not JSON), sent with valid, scoped, forged, expired, subject-less, garbage or no
 * tokens. The property (CONTRACT.md "Conventions"): no answer is a 5xx but 503, and every 4xx or 5xx is
 * problem+json with a {@code code}. Ids from successful creations are reused, so later requests reach deeper.
 * Reproducible: the same seed makes the same choices (only the ids the service makes up differ).
 */
public final class ApiFuzz {
    private static final Logger log = LoggerFactory.getLogger(ApiFuzz.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String DEEP = "\"__deep__\"";
    private static final String[] ODD_STRINGS = {"", " ", "\u0000", "\u202Egnp.exe", "\uD83D\uDE00", "\uFEFF",
            "'; drop", "{\"$ne\": 1}", "../../etc/passwd", "%00", "\\", "\"", "null", "true", "-1", "1e309", "NaN",
            "<script>",
            "\u200B", "机关\t\n", "a".repeat(201), "ア".repeat(300), "*", "$where", "CENTRAL", "__proto__"};
    private static final String[] EDGE_DATES = {"+999999999-12-31", "-999999999-01-01", "1949-09-30", "1949-10-01",
            "+10000-01-01", "2026-02-30", "0000-00-00", "2024-13-01", "9999-12-31", "20240101", "yesterday", ""};
    private static final String[] EDGE_INSTANTS = {"+999999999-12-31T20:00:00Z", "-999999999-01-01T00:00:00Z",
            "1949-09-30T16:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00+19:00",
            "1970-01-01T00:00:00Z", "2026-01-01", "now", ""};
    private static final Object[] EDGE_NUMBERS = {-1, 0, 2147483647, 2147483648L, -2147483649L, 1.5, 1e300,
            Long.MAX_VALUE, "12", "many"};

    private final String baseUrl;
    private final OpenAPI api;
    private final Random random;
    private final Map<String, Supplier<String>> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Ids the service answered with, by field name: {@code organId}, {@code committeeId}, … */
    private final Map<String, List<String>> ids = new ConcurrentHashMap<>();

    private ApiFuzz(String baseUrl, OpenAPI api, long seed, Map<String, Supplier<String>> tokens) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.random = new Random(seed);
        this.tokens = tokens;
    }

    /**
     * Reads the service's {@code /v3/api-docs}; {@code tokens} by kind, a null token meaning none. The seed is
     * {@code -Djiguan.fuzz.seed} or a fixed one, so a failing run can be repeated.
     */
    public static ApiFuzz of(String baseUrl, Map<String, Supplier<String>> tokens) {
        long seed = Long.getLong("jiguan.fuzz.seed", 20261206L);
        log.info("Fuzz of {} with seed {}", baseUrl, seed);
        String docs = ApiClient.anonymous(baseUrl).get("/v3/api-docs").raw();
        try {
            return new ApiFuzz(baseUrl, Json31.mapper().readValue(docs, OpenAPI.class), seed, tokens);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
    }

    /** An id the service knows, e.g. a committee a test made, so that generated requests can reach past 404. */
    public ApiFuzz know(String field, String id) {
        ids.computeIfAbsent(field, k -> new ArrayList<>()).add(id);
        return this;
    }

    /** What a run sent and what broke the property. */
    public record Report(int requests, int operations, Map<Integer, Integer> statuses, List<String> findings) {
        @Override
        public String toString() {
            return requests + " requests over " + operations + " operations, statuses " + statuses;
        }
    }

    private record Call(String method, String path, Operation operation) {
    }

    /**
     * Sends {@code -Djiguan.fuzz.requests} requests (3,500 by default; the three services' runs make 10,500) and
     * fails with every request that broke the property.
     */
    public void sendAndCheck() {
        int requests = Integer.getInteger("jiguan.fuzz.requests", 3500);
        Report report = run(requests);
        log.info("Fuzz of {}: {}", baseUrl, report);
        assertThat(report.findings()).as(report.toString()).isEmpty();
        assertThat(report.requests()).isEqualTo(requests);
    }

    public Report run(int requests) {
        List<Call> calls = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                calls.add(new Call(method.name(), path, operation))));
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> findings = new ArrayList<>();
        List<String> tokenKinds = new ArrayList<>(tokens.keySet());
        for (int i = 0; i < requests; i++) {
            Call call = calls.get(i < calls.size() ? i : random.nextInt(calls.size()));
            // Half the requests as the first kind (a valid ADMIN token), so that they get past authorization.
            String tokenKind = tokenKinds.get(random.nextBoolean() ? 0 : random.nextInt(tokenKinds.size()));
            String token = tokens.get(tokenKind).get();
            String sentBody = call.method().equals("GET") ? null : body(call.operation());
            HttpRequest request = request(call, token, sentBody);
            String described = call.method() + " " + request.uri() + " as " + tokenKind
                    + request.headers().firstValue("Idempotency-Key").map(k -> " with a key").orElse("")
                    + (sentBody == null ? "" : " with " + clip(sentBody));
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                statuses.merge(response.statusCode(), 1, Integer::sum);
                check(described, response).ifPresent(findings::add);
                if (response.statusCode() / 100 == 2) {
                    harvestIds(response.body());
                }
            } catch (IOException e) {
                findings.add(described + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (findings.size() > 50) {
                break;
            }
        }
        int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
        return new Report(sent, calls.size(), statuses, findings);
    }

    private static Optional<String> check(String described, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 500 && status != 503) {
            return Optional.of(described + " -> " + status + " " + clip(body));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            boolean coded;
            try {
                coded = type.startsWith("application/problem+json")
                        && !JSON.readTree(body).path("code").asText("").isEmpty();
            } catch (IOException e) {
                coded = false;
            }
            if (!coded) {
                return Optional.of(described + " -> " + status + " " + type + " " + clip(body));
            }
        }
        return Optional.empty();
    }

    private HttpRequest request(Call call, String token, String body) {
        String path = call.path();
        StringBuilder query = new StringBuilder();
        List<Parameter> parameters = call.operation().getParameters() == null ? List.of()
                : call.operation().getParameters();
        for (Parameter parameter : parameters) {
            if ("path".equals(parameter.getIn())) {
                path = path.replace("{" + parameter.getName() + "}",
                        encode(String.valueOf(parameterValue(parameter.getName(), parameter.getSchema()))));
            } else if ("query".equals(parameter.getIn()) && random.nextInt(3) > 0) {
                Object value = parameterValue(parameter.getName(), parameter.getSchema());
                query.append(query.isEmpty() ? "?" : "&").append(encode(parameter.getName())).append('=')
                        .append(encode(String.valueOf(value)));
            }
        }
        if (random.nextInt(30) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(odd())).append('=').append(encode(odd()));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path + query))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (random.nextInt(10) == 0) {
            builder.header("Idempotency-Key", random.nextInt(4) == 0 ? "k".repeat(201) : "fuzz-" + random.nextInt(50));
        }
        String contentType = random.nextInt(25) == 0 ? "text/plain" : "application/json";
        if (body == null) {
            return builder.method(call.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", contentType)
                .method(call.method(), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Object parameterValue(String name, Schema<?> schema) {
        if (random.nextInt(4) == 0) {
            return mutant(schema);
        }
        List<String> known = ids.get(name);
        if (known != null && !known.isEmpty() && random.nextInt(3) > 0) {
            return known.get(random.nextInt(known.size()));
        }
        JsonNode value = valid(schema, 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private String body(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return random.nextInt(5) == 0 ? "{\"unexpected\": true}" : null;
        }
        MediaType media = operation.getRequestBody().getContent().values().iterator().next();
        switch (random.nextInt(40)) {
            case 0:
                return "";
            case 1:
                return "{";
            case 2:
                return "[]";
            case 3:
                return "null";
            case 4:
                return "\"text\"";
            case 5:
                return "[".repeat(5000) + "]".repeat(5000);
            default:
                break;
        }
        JsonNode body = valid(media.getSchema(), 0);
        int mutations = Math.max(0, random.nextInt(5) - 1);
        for (int i = 0; i < mutations; i++) {
            body = mutate(body, media.getSchema());
        }
        String json = body.toString();
        return json.contains(DEEP) ? json.replace(DEEP, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)) : json;
    }

    /** A value that fits the schema: what a careful client sends. */
    private JsonNode valid(Schema<?> schema, int depth) {
        Schema<?> s = resolve(schema);
        if (s == null || depth > 6) {
            return NODES.nullNode();
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return NODES.textNode(String.valueOf(s.getEnum().get(random.nextInt(s.getEnum().size()))));
        }
        String type = typeOf(s);
        switch (type) {
            case "string":
                return NODES.textNode(validString(s));
            case "integer": {
                long min = s.getMinimum() == null ? 0 : s.getMinimum().longValue();
                long max = s.getMaximum() == null ? min + 100 : Math.min(s.getMaximum().longValue(), min + 100);
                return NODES.numberNode(min + (long) random.nextInt((int) (max - min + 1)));
            }
            case "number":
                return NODES.numberNode(random.nextDouble() * 100);
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(valid(s.getItems(), depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = NODES.objectNode();
                if (s.getProperties() != null) {
                    Set<String> required = s.getRequired() == null ? Set.of() : Set.copyOf(s.getRequired());
                    s.getProperties().forEach((name, property) -> {
                        if (required.contains(name) || random.nextInt(10) < 7) {
                            object.set(name, knownId(name).orElseGet(() -> valid(property, depth + 1)));
                        }
                    });
                }
                return object;
            }
        }
    }

    private Optional<JsonNode> knownId(String name) {
        List<String> known = ids.get(name);
        if (known == null || known.isEmpty() || random.nextInt(3) == 0) {
            return Optional.empty();
        }
        return Optional.of(NODES.textNode(known.get(random.nextInt(known.size()))));
    }

    private String validString(Schema<?> s) {
        if ("date".equals(s.getFormat())) {
            long days = LocalDate.now(BusinessCalendar.ZONE).toEpochDay() - BusinessCalendar.EARLIEST.toEpochDay();
            return BusinessCalendar.EARLIEST.plusDays(random.nextLong(days)).toString();
        }
        if ("date-time".equals(s.getFormat())) {
            return LocalDate.now(BusinessCalendar.ZONE).minusDays(random.nextInt(3000)).atTime(9, 0)
                    .atOffset(ZoneOffset.ofHours(8)).toString();
        }
        if (s.getPattern() != null) {
            return "fz" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
        }
        int max = s.getMaxLength() == null ? 20 : Math.min(s.getMaxLength(), 20);
        return "机关".repeat(1 + random.nextInt(Math.max(1, max / 2)));
    }

    /** A value that is wrong for the schema in one of the ways clients get it wrong. */
    private JsonNode mutant(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        String format = s == null ? null : s.getFormat();
        switch (random.nextInt(9)) {
            case 0:
                return NODES.nullNode();
            case 1:
                return "date".equals(format) || random.nextBoolean() ? NODES.textNode(pick(EDGE_DATES))
                        : NODES.textNode(pick(EDGE_INSTANTS));
            case 2:
                return "date-time".equals(format) ? NODES.textNode(pick(EDGE_INSTANTS)) : NODES.textNode(odd());
            case 3:
                return JSON.valueToTree(EDGE_NUMBERS[random.nextInt(EDGE_NUMBERS.length)]);
            case 4:
                int length = s != null && s.getMaxLength() != null ? s.getMaxLength() + 1 : 70_000;
                return NODES.textNode("长".repeat(length));
            case 5:
                return NODES.objectNode().put("nested", odd());
            case 6: {
                ArrayNode list = NODES.arrayNode();
                int n = random.nextBoolean() ? 201 : 2;
                for (int i = 0; i < n; i++) {
                    list.add(odd());
                }
                return list;
            }
            case 7:
                return NODES.textNode(DEEP.substring(1, DEEP.length() - 1));
            default:
                return NODES.booleanNode(random.nextBoolean());
        }
    }

    /** One change to a body: a field wrong, missing or extra, somewhere in it. */
    private JsonNode mutate(JsonNode body, Schema<?> schema) {
        if (!body.isObject() || body.isEmpty()) {
            return random.nextBoolean() ? mutant(schema) : body;
        }
        ObjectNode object = (ObjectNode) body;
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        Schema<?> property = resolve(schema) == null || resolve(schema).getProperties() == null ? null
                : resolve(schema).getProperties().get(name);
        switch (random.nextInt(5)) {
            case 0:
                object.remove(name);
                break;
            case 1:
                object.set(random.nextBoolean() ? "@class" : "extra" + random.nextInt(100), mutant(null));
                break;
            case 2:
                if (object.get(name).isObject() && property != null) {
                    object.set(name, mutate(object.get(name), property));
                    break;
                }
                object.set(name, mutant(property));
                break;
            case 3:
                if (object.get(name).isArray() && !object.get(name).isEmpty()) {
                    ArrayNode array = (ArrayNode) object.get(name);
                    Schema<?> items = property == null ? null : resolve(property).getItems();
                    array.set(random.nextInt(array.size()), mutant(items));
                    break;
                }
                object.set(name, mutant(property));
                break;
            default:
                object.set(name, mutant(property));
                break;
        }
        return object;
    }

    private void harvestIds(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            if (answer == null || !answer.isObject()) {
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = answer.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().endsWith("Id") && field.getValue().isTextual()) {
                    List<String> known = ids.computeIfAbsent(field.getKey(), k -> new ArrayList<>());
                    if (known.size() < 100) {
                        known.add(field.getValue().asText());
                    }
                }
            }
        } catch (IOException e) {
            // Not JSON: nothing to learn from it.
        }
    }

    private Schema<?> resolve(Schema<?> schema) {
        Schema<?> s = schema;
        for (int hops = 0; s != null && s.get$ref() != null && hops < 5; hops++) {
            String ref = s.get$ref();
            s = api.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return s;
    }

    private static String typeOf(Schema<?> s) {
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            return s.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse("object");
        }
        return s.getProperties() != null ? "object" : s.getItems() != null ? "array" : "object";
    }

    private String odd() {
        return pick(ODD_STRINGS);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
