package org.jiguan.platform.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.jiguan.platform.time.BusinessCalendar;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Adds what every command endpoint shares to the OpenAPI document: the {@code Idempotency-Key} header, the
 * problem+json error responses of CONTRACT.md with the meaning of {@code code} for each status, and the range of
 * every business date.
 */
final class ApiDocumentation implements OpenApiCustomizer {
    private static final String PROBLEM = "Problem";
    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "Malformed or invalid input: code VALIDATION, errors[] names the fields");
        ERRORS.put("401", "No token or an invalid one: code UNAUTHENTICATED");
        ERRORS.put("403", "Outside the caller's role or committee/organ scope: code FORBIDDEN");
        ERRORS.put("404", "The target does not exist: code NOT_FOUND");
        ERRORS.put("409", "Conflict with the current state (an id in use, a concurrent change): code CONFLICT");
        ERRORS.put("422", "A rule breach: code is the rule id (R-…), ruleTitle names it in Chinese; or "
                + "IDEMPOTENCY_KEY_REUSED");
        ERRORS.put("429", "The caller's request budget is spent: code RATE_LIMITED; retry after Retry-After seconds");
        ERRORS.put("503", "A backing store or broker is unavailable: code UNAVAILABLE; retry with the same key");
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents().getSchemas() != null) {
            openApi.getComponents().getSchemas().values().forEach(schema -> stateDateRanges(schema, false));
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> document(method, operation));
            }
        });
    }

    /**
     * Every business date and instant a client sends lies between 1949-10-01 and today in Beijing (an instant: now),
     * or, on a field marked {@link MayLieAhead} ({@link #datesThatMayLieAhead}) and in query parameters, today + 10
     * years ({@link DateBounds}). JSON Schema has no keyword for a date range, so it is stated as {@code x-earliest}
     * and {@code x-latest} on each such field and parameter.
     */
    private static void stateDateRanges(Schema<?> schema, boolean mayLieAhead) {
        if (schema == null) {
            return;
        }
        if (isDate(schema)) {
            schema.addExtension("x-earliest", BusinessCalendar.EARLIEST.toString());
            if (schema.getExtensions().get("x-latest") == null) {
                schema.addExtension("x-latest", mayLieAhead ? AHEAD
                        : "date-time".equals(schema.getFormat()) ? NOW : TODAY);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> stateDateRanges(property, false));
        }
        stateDateRanges(schema.getItems(), mayLieAhead);
    }

    private static final String TODAY = "today (Beijing)";
    private static final String NOW = "now + " + BusinessCalendar.CLOCK_SKEW.toMinutes() + " minutes (clock skew)";
    private static final String AHEAD = "today + " + BusinessCalendar.HORIZON.getYears() + " years (Beijing)";

    /** Marks the request fields that {@link MayLieAhead} with their horizon, as springdoc reads each property. */
    static PropertyCustomizer datesThatMayLieAhead() {
        return (property, type) -> {
            boolean ahead = type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
                    .anyMatch(annotation -> annotation instanceof MayLieAhead);
            if (ahead && property != null) {
                property.addExtension("x-latest", AHEAD);
            }
            return property;
        };
    }

    /**
     * Every query parameter and path variable is at most {@link Limits#SHORT_TEXT} characters
     * ({@link ParameterLimits}).
     */
    private static void stateParameterLength(Parameter parameter) {
        Schema<?> schema = parameter.getSchema();
        boolean string = schema != null && ("string".equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains("string"));
        if (string && !"header".equals(parameter.getIn()) && schema.getMaxLength() == null && schema.getEnum() == null
                && schema.getPattern() == null && !isDate(schema)) {
            schema.setMaxLength(Limits.SHORT_TEXT);
        }
    }

    private static boolean isDate(Schema<?> schema) {
        return ("date".equals(schema.getFormat()) || "date-time".equals(schema.getFormat()))
                && ("string".equals(schema.getType()) || schema.getTypes() != null && schema.getTypes().contains("string"));
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> {
                stateDateRanges(parameter.getSchema(), true);
                stateParameterLength(parameter);
            });
        }
        Content problem = new Content().addMediaType(ProblemWriter.PROBLEM_JSON.toString(),
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                    .description("Repeat a POST safely: the same key and body return the first answer again")
                    .schema(new StringSchema().maxLength(200)));
            operation.getResponses().addApiResponse("413", new ApiResponse().content(problem)
                    .description("The body is over jiguan.web.max-body-size (256 KiB): code PAYLOAD_TOO_LARGE"));
        }
        ERRORS.forEach((status, description) -> {
            if (!operation.getResponses().containsKey(status)) {
                operation.getResponses().addApiResponse(status,
                        new ApiResponse().description(description).content(problem));
            }
        });
    }

    private static Schema<?> problemSchema() {
        ObjectSchema fieldError = new ObjectSchema();
        fieldError.addProperty("field", new StringSchema());
        fieldError.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details with Jiguan's code");
        problem.addProperty("type", new StringSchema().example("urn:jiguan:problem:R-COM-2"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("code", new StringSchema().example("R-COM-2"));
        problem.addProperty("ruleTitle", new StringSchema().example("工作机关数量超出党委的机构限额（总量控制和限额管理）"));
        problem.addProperty("errors", new ArraySchema().items(fieldError));
        return problem;
    }
}
