package org.jiguan.platform.testing;

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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * A property-based fuzz of a service's HTTP API with jqwik, driven by the service's own OpenAPI document (read with
 * swagger-core): {@link #requests()} is an {@link Arbitrary} of requests to every operation whose path and query
 * parameters and bodies are generated from the schemas and then mutated (wrong types, nulls, missing and extra
 * fields, huge and odd strings, edge dates, deep nesting, bodies that are not JSON), sent with valid, scoped, forged,
 * expired, subject-less, garbage or no tokens. The property ({@link #send}, CONTRACT.md "Conventions"): no
 * answer is a 5xx but 503, and every 4xx or 5xx is problem+json with a {@code code}. Ids from successful creations
 * are reused by later requests, so they reach deeper. A service's {@code ApiFuzzTest} states the property with
 * {@code @Property}; jqwik chooses the seed, reports it, and shrinks a failing request.
 */
public final class ApiFuzz {
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
    private static final String[] LITERAL_BODIES = {"", "{", "[]", "null", "\"text\"",
            "[".repeat(5000) + "]".repeat(5000)};

    private final String baseUrl;
    private final OpenAPI api;
    private final Map<String, Supplier<String>> tokens;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Ids the service answered with, by field name: {@code organId}, {@code committeeId}, … */
    private final Map<String, List<String>> ids = new ConcurrentHashMap<>();
    private final Set<String> skipped = new HashSet<>();

    private ApiFuzz(String baseUrl, OpenAPI api, Map<String, Supplier<String>> tokens) {
        this.baseUrl = baseUrl;
        this.api = api;
        this.tokens = tokens;
    }

    /** Reads the service's {@code /v3/api-docs}; {@code tokens} by kind, the first a valid ADMIN token. */
    public static ApiFuzz of(String baseUrl, Map<String, Supplier<String>> tokens) {
        String docs = ApiClient.anonymous(baseUrl).get("/v3/api-docs").raw();
        try {
            return new ApiFuzz(baseUrl, Json31.mapper().readValue(docs, OpenAPI.class), new LinkedHashMap<>(tokens));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
    }

    /** An id the service knows, e.g. a committee a test made, so that generated requests can reach past 404. */
    public ApiFuzz know(String field, String id) {
        ids.computeIfAbsent(field, k -> new ArrayList<>()).add(id);
        return this;
    }

    /**
     * Leaves an operation out, e.g. {@code "POST /api/v1/admin/rebuild"}: one whose effect outlasts the run (a rebuild
     * still running) would disturb the tests after it; its own tests cover it.
     */
    public ApiFuzz skip(String operation) {
        skipped.add(operation);
        return this;
    }

    /** One generated request: the operation, the kind of token, the URI after the host, headers and body. */
    public record Request(String method, String operation, String tokenKind, String pathAndQuery,
                          String idempotencyKey, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + pathAndQuery + " as " + tokenKind + (idempotencyKey == null ? "" : " with a key")
                    + (body == null ? "" : " " + contentType + " " + clip(body));
        }
    }

    private record Call(String method, String path, Operation operation) {
    }

    /** Requests to every operation of the document, but those skipped. */
    public Arbitrary<Request> requests() {
        List<Call> calls = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!skipped.contains(method.name() + " " + path)) {
                calls.add(new Call(method.name(), path, operation));
            }
        }));
        List<String> kinds = new ArrayList<>(tokens.keySet());
        // Half the requests as the first kind (a valid ADMIN token), so that they get past authorization.
        Arbitrary<String> tokenKind = Arbitraries.frequencyOf(Tuple.of(kinds.size(), Arbitraries.just(kinds.get(0))),
                Tuple.of(kinds.size(), Arbitraries.of(kinds)));
        Arbitrary<String> key = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 49).map(n -> "fuzz-" + n)),
                Tuple.of(1, Arbitraries.just("k".repeat(201)))).injectNull(0.9);
        Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(24, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.just("text/plain")));
        return Arbitraries.of(calls).flatMap(call -> Combinators.combine(tokenKind, pathAndQuery(call), key,
                contentType, call.method().equals("GET") ? Arbitraries.just("").injectNull(1) : body(call.operation()))
                .as((kind, uri, idempotencyKey, type, body) -> new Request(call.method(),
                        call.method() + " " + call.path(), kind, uri, idempotencyKey, type, body)));
    }

    /**
     * What the service answered: its status (0 when no answer came), the problem's {@code code} of an error, and how
     * it broke the property, if it did.
     */
    public record Answer(int status, String code, Optional<String> violation) {
    }

    /**
     * Sends the request and learns the ids of a successful answer. The property is broken by a 5xx but 503, by an
     * error that is not problem+json with a {@code code}, or by no answer at all.
     */
    public Answer send(Request request) {
        HttpResponse<String> response;
        try {
            response = http.send(httpRequest(request), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Answer(0, null, Optional.of(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() / 100 == 2) {
            harvestIds(response.body());
        }
        return new Answer(response.statusCode(), codeOf(response), check(response));
    }

    private static String codeOf(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return null;
        }
        try {
            return JSON.readTree(response.body()).path("code").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> check(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status >= 500 && status != 503) {
            return Optional.of(status + " " + clip(body));
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
                return Optional.of(status + " " + type + " " + clip(body));
            }
        }
        return Optional.empty();
    }

    private HttpRequest httpRequest(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.pathAndQuery()))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json");
        String token = tokens.get(request.tokenKind()).get();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.idempotencyKey() != null) {
            builder.header("Idempotency-Key", request.idempotencyKey());
        }
        if (request.body() == null) {
            return builder.method(request.method(), HttpRequest.BodyPublishers.noBody()).build();
        }
        return builder.header("Content-Type", request.contentType())
                .method(request.method(), HttpRequest.BodyPublishers.ofString(request.body())).build();
    }

    /** The path with its variables filled in, and some of the query parameters (each with 2 chances in 3). */
    private Arbitrary<String> pathAndQuery(Call call) {
        List<Parameter> parameters = call.operation().getParameters() == null ? List.of()
                : call.operation().getParameters();
        List<Arbitrary<String>> parts = new ArrayList<>();
        for (Parameter parameter : parameters) {
            Arbitrary<String> value = parameterValue(parameter.getName(), parameter.getSchema()).map(ApiFuzz::encode);
            if ("path".equals(parameter.getIn())) {
                parts.add(value.map(v -> "{" + parameter.getName() + "}=" + v));
            } else if ("query".equals(parameter.getIn())) {
                parts.add(value.map(v -> "&" + encode(parameter.getName()) + "=" + v).injectNull(1.0 / 3));
            }
        }
        parts.add(Combinators.combine(odd(), odd()).as((n, v) -> "&" + encode(n) + "=" + encode(v))
                .injectNull(29.0 / 30));
        return Combinators.combine(parts).as(chosen -> {
            String path = call.path();
            StringBuilder query = new StringBuilder();
            for (String part : chosen) {
                if (part == null) {
                    continue;
                }
                if (part.startsWith("{")) {
                    int end = part.indexOf("}=");
                    path = path.replace(part.substring(0, end + 1), part.substring(end + 2));
                } else {
                    query.append(query.isEmpty() ? "?" : "&").append(part.substring(1));
                }
            }
            return path + query;
        });
    }

    private Arbitrary<String> parameterValue(String name, Schema<?> schema) {
        return Arbitraries.frequencyOf(Tuple.of(1, mutant(schema)), Tuple.of(3, knownOr(name, valid(schema, 0))))
                .map(v -> v.isTextual() ? v.asText() : v.toString());
    }

    /**
     * An id the service answered with under {@code name} (2 chances in 3 once there is one), else {@code other}:
     * read when each value is generated, so later requests use the ids earlier ones made.
     */
    private Arbitrary<JsonNode> knownOr(String name, Arbitrary<JsonNode> other) {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).flatMap(pick -> {
            List<String> known = ids.get(name);
            if (known == null || known.isEmpty() || pick % 3 == 0) {
                return other;
            }
            return Arbitraries.just(NODES.textNode(known.get(pick % known.size())));
        });
    }

    private Arbitrary<String> body(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return Arbitraries.just("{\"unexpected\": true}").injectNull(0.8);
        }
        MediaType media = operation.getRequestBody().getContent().values().iterator().next();
        Arbitrary<String> generated = Arbitraries.integers().between(0, 3)
                .flatMap(mutations -> mutated(valid(media.getSchema(), 0), media.getSchema(), mutations))
                .map(body -> {
                    String json = body.toString();
                    return json.contains(DEEP) ? json.replace(DEEP, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000))
                            : json;
                });
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(LITERAL_BODIES)), Tuple.of(234, generated));
    }

    private Arbitrary<JsonNode> mutated(Arbitrary<JsonNode> body, Schema<?> schema, int mutations) {
        Arbitrary<JsonNode> result = body;
        for (int i = 0; i < mutations; i++) {
            result = result.flatMap(b -> mutate(b, schema));
        }
        return result;
    }

    /** A value that fits the schema: what a careful client sends. */
    private Arbitrary<JsonNode> valid(Schema<?> schema, int depth) {
        Schema<?> s = resolve(schema);
        if (s == null || depth > 6) {
            return Arbitraries.just(NODES.nullNode());
        }
        if (s.getEnum() != null && !s.getEnum().isEmpty()) {
            return Arbitraries.of(s.getEnum()).map(v -> NODES.textNode(String.valueOf(v)));
        }
        switch (typeOf(s)) {
            case "string":
                return validString(s).map(NODES::textNode);
            case "integer": {
                long min = s.getMinimum() == null ? 0 : s.getMinimum().longValue();
                long max = s.getMaximum() == null ? min + 100 : Math.min(s.getMaximum().longValue(), min + 100);
                return Arbitraries.longs().between(min, max).map(NODES::numberNode);
            }
            case "number":
                return Arbitraries.doubles().between(0, 100).map(NODES::numberNode);
            case "boolean":
                return Arbitraries.of(true, false).map(NODES::booleanNode);
            case "array":
                return valid(s.getItems(), depth + 1).list().ofMaxSize(3).map(items -> {
                    ArrayNode array = NODES.arrayNode();
                    items.forEach(array::add);
                    return array;
                });
            default:
                return object(s, depth);
        }
    }

    /** Every required property and each other one with 7 chances in 10, a known id where the service gave one. */
    private Arbitrary<JsonNode> object(Schema<?> s, int depth) {
        if (s.getProperties() == null || s.getProperties().isEmpty()) {
            return Arbitraries.just(NODES.objectNode());
        }
        Set<String> required = s.getRequired() == null ? Set.of() : Set.copyOf(s.getRequired());
        List<String> names = new ArrayList<>(s.getProperties().keySet());
        List<Arbitrary<JsonNode>> values = new ArrayList<>();
        for (String name : names) {
            Arbitrary<JsonNode> value = knownOr(name, valid(s.getProperties().get(name), depth + 1));
            values.add(required.contains(name) ? value : value.injectNull(0.3));
        }
        return Combinators.combine(values).as(chosen -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                if (chosen.get(i) != null) {
                    object.set(names.get(i), chosen.get(i));
                }
            }
            return object;
        });
    }

    private Arbitrary<String> validString(Schema<?> s) {
        if ("date".equals(s.getFormat())) {
            long days = LocalDate.now(BusinessCalendar.ZONE).toEpochDay() - BusinessCalendar.EARLIEST.toEpochDay();
            return Arbitraries.longs().between(0, days - 1).map(d -> BusinessCalendar.EARLIEST.plusDays(d).toString());
        }
        if ("date-time".equals(s.getFormat())) {
            return Arbitraries.integers().between(0, 2999).map(d -> LocalDate.now(BusinessCalendar.ZONE).minusDays(d)
                    .atTime(9, 0).atOffset(ZoneOffset.ofHours(8)).toString());
        }
        if (s.getPattern() != null) {
            return Arbitraries.strings().withCharRange('a', 'z').numeric().ofMinLength(1).ofMaxLength(12)
                    .map(id -> "fz" + id);
        }
        int max = s.getMaxLength() == null ? 20 : Math.min(s.getMaxLength(), 20);
        return Arbitraries.integers().between(1, Math.max(1, max / 2)).map("机关"::repeat);
    }

    /** A value that is wrong for the schema in one of the ways clients get it wrong. */
    private Arbitrary<JsonNode> mutant(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        String format = s == null ? null : s.getFormat();
        int length = s != null && s.getMaxLength() != null ? s.getMaxLength() + 1 : 70_000;
        Arbitrary<JsonNode> dates = Arbitraries.of(EDGE_DATES).map(NODES::textNode);
        Arbitrary<JsonNode> instants = Arbitraries.of(EDGE_INSTANTS).map(NODES::textNode);
        return Arbitraries.oneOf(List.of(
                Arbitraries.just(NODES.nullNode()),
                "date".equals(format) ? dates : Arbitraries.oneOf(dates, instants),
                "date-time".equals(format) ? instants : odd().map(NODES::textNode),
                Arbitraries.of(EDGE_NUMBERS).map(JSON::valueToTree),
                Arbitraries.just(NODES.textNode("长".repeat(length))),
                odd().map(v -> NODES.objectNode().put("nested", v)),
                Arbitraries.of(2, 201).flatMap(n -> odd().list().ofSize(n)).map(values -> {
                    ArrayNode list = NODES.arrayNode();
                    values.forEach(list::add);
                    return list;
                }),
                Arbitraries.just(NODES.textNode(DEEP.substring(1, DEEP.length() - 1))),
                Arbitraries.of(true, false).map(NODES::booleanNode)));
    }

    /** One change to a body: a field wrong, missing or extra, somewhere in it. */
    private Arbitrary<JsonNode> mutate(JsonNode body, Schema<?> schema) {
        if (!body.isObject() || body.isEmpty()) {
            return Arbitraries.oneOf(mutant(schema), Arbitraries.just(body));
        }
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        Schema<?> resolved = resolve(schema);
        return Combinators.combine(Arbitraries.of(names), Arbitraries.integers().between(0, 4)).as(Tuple::of)
                .flatMap(choice -> {
                    String name = choice.get1();
                    Schema<?> property = resolved == null || resolved.getProperties() == null ? null
                            : resolved.getProperties().get(name);
                    JsonNode field = body.get(name);
                    Arbitrary<JsonNode> value = switch (choice.get2()) {
                        case 0 -> Arbitraries.just(NODES.nullNode());
                        case 1 -> mutant(null);
                        case 2 -> field.isObject() && property != null ? mutate(field, property) : mutant(property);
                        case 3 -> field.isArray() && !field.isEmpty() ? mutateItem((ArrayNode) field, property)
                                : mutant(property);
                        default -> mutant(property);
                    };
                    Arbitrary<String> extraName = Arbitraries.oneOf(Arbitraries.just("@class"),
                            Arbitraries.integers().between(0, 99).map(n -> "extra" + n));
                    return Combinators.combine(value, extraName).as((v, extra) -> {
                        ObjectNode copy = ((ObjectNode) body).deepCopy();
                        if (choice.get2() == 0) {
                            copy.remove(name);
                        } else if (choice.get2() == 1) {
                            copy.set(extra, v);
                        } else {
                            copy.set(name, v);
                        }
                        return (JsonNode) copy;
                    });
                });
    }

    private Arbitrary<JsonNode> mutateItem(ArrayNode array, Schema<?> property) {
        Schema<?> items = property == null || resolve(property) == null ? null : resolve(property).getItems();
        return Combinators.combine(Arbitraries.integers().between(0, array.size() - 1), mutant(items))
                .as((index, item) -> {
                    ArrayNode copy = array.deepCopy();
                    copy.set(index, item);
                    return copy;
                });
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

    private static Arbitrary<String> odd() {
        return Arbitraries.of(ODD_STRINGS);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String clip(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
