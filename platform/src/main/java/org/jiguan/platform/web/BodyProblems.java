package org.jiguan.platform.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.util.ClassUtil;

/**
 * {@code VALIDATION} lists every wrong field of a body at once (CONTRACT.md "Conventions"). Jackson stops at the
 * first value it cannot read (an unknown enum value, a wrong type, a date out of range); while a request body is
 * read, {@link Handler} instead notes the field, reads it as null and goes on. Once the body is read, the noted
 * fields and Bean Validation's findings for the others are answered together as {@link InvalidFields}.
 */
@ControllerAdvice
public class BodyProblems extends RequestBodyAdviceAdapter {
    private static final ThreadLocal<List<ProblemWriter.FieldError>> NOTED = new ThreadLocal<>();

    private final Validator validator;

    public BodyProblems(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) {
        NOTED.set(new ArrayList<>());
        return input;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<ProblemWriter.FieldError> noted = takeNoted();
        if (noted.isEmpty()) {
            return body;
        }
        Set<String> fields = noted.stream().map(ProblemWriter.FieldError::field).collect(Collectors.toSet());
        List<ProblemWriter.FieldError> all = new ArrayList<>(noted);
        if (body == null) {
            throw new InvalidFields(all);
        }
        validator.validate(body).stream()
                .map(v -> new ProblemWriter.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .filter(e -> !fields.contains(e.field()))
                .forEach(all::add);
        throw new InvalidFields(all);
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                  Class<? extends HttpMessageConverter<?>> converterType) {
        takeNoted();
        return body;
    }

    /** The fields noted while reading the current request's body, now forgotten. */
    static List<ProblemWriter.FieldError> takeNoted() {
        List<ProblemWriter.FieldError> noted = NOTED.get();
        NOTED.remove();
        return noted == null ? List.of() : noted;
    }

    /** Notes a value Jackson cannot read and reads it as null (0 or false for a primitive) while a body is read. */
    static final class Handler extends DeserializationProblemHandler {
        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> target, String value,
                                             String failure) {
            return note(context.getParser(), target, describe(target, "'" + clip(value) + "'", failure));
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> target, Number value,
                                             String failure) {
            return note(context.getParser(), target, describe(target, String.valueOf(value), failure));
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType target, JsonToken token,
                                            JsonParser parser, String failure) {
            Object answer = note(parser, target.getRawClass(), "must be " + kindOf(target.getRawClass()));
            if (answer != NOT_HANDLED) {
                parser.skipChildren();
            }
            return answer;
        }

        private static Object note(JsonParser parser, Class<?> target, String message) {
            List<ProblemWriter.FieldError> noted = NOTED.get();
            String field = parser == null ? "" : pathOf(parser.streamReadContext());
            if (noted == null || field.isEmpty()) {
                return NOT_HANDLED;
            }
            if (noted.stream().noneMatch(e -> e.field().equals(field))) {
                noted.add(new ProblemWriter.FieldError(field, message));
            }
            return target.isPrimitive() ? ClassUtil.defaultValue(target) : null;
        }

        private static String describe(Class<?> target, String value, String failure) {
            if (target.isEnum()) {
                return "cannot read " + value + ": must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
            }
            if (failure != null && failure.startsWith("must ")) {
                return failure;
            }
            return "cannot read " + value + " as " + kindOf(target);
        }

        private static String kindOf(Class<?> target) {
            if (target.isEnum()) {
                return "one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
            }
            if (target == Boolean.class || target == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
                return "a number";
            }
            if (target == String.class) {
                return "a string";
            }
            if (List.class.isAssignableFrom(target) || Set.class.isAssignableFrom(target) || target.isArray()) {
                return "a list";
            }
            if (target.getName().startsWith("java.time.")) {
                return "an ISO-8601 " + (target.getSimpleName().equals("LocalDate") ? "date" : "date-time");
            }
            return "an object";
        }

        private static String clip(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }

        /** {@code approval.approvedBy}, {@code agenda[2].category}: the names Bean Validation gives the same fields. */
        static String pathOf(TokenStreamContext context) {
            List<String> segments = new ArrayList<>();
            for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
                if (c.inArray()) {
                    segments.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
                } else if (c.currentName() != null) {
                    segments.add(0, "." + c.currentName());
                }
            }
            String path = String.join("", segments);
            return path.startsWith(".") ? path.substring(1) : path;
        }
    }
}
