package org.jiguan.platform.testing;

import static org.jiguan.platform.testing.ProblemAssertions.assertFieldAccepted;
import static org.jiguan.platform.testing.ProblemAssertions.assertInvalidField;

import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Rows of the services' {@code ActDatesTest}s (CONTRACT.md "Limits"): an act sent to {@code path} with a date or
 * time in {@code field}, named after the rule that refused it as a 422 before the date of an act was bounded by
 * today; the body need hold only that field, since a body is read, and its dates bounded, before anything else.
 */
public record ActDates(String rule, String path, String field, Function<String, Map<String, Object>> body) {
    public static Arguments act(String rule, String path, String field, Function<String, Map<String, Object>> body) {
        return Arguments.of(new ActDates(rule, path, field, body));
    }

    /** The act dated {@code late} is a 400 naming the field, returning its message; dated {@code fine} it is not. */
    public String assertRefusedAfter(ApiClient client, String late, String fine) {
        String message = assertInvalidField(client.post(path, body.apply(late)), field);
        assertFieldAccepted(client.post(path, body.apply(fine)), field);
        return message;
    }

    @Override
    public String toString() {
        return rule + ": " + field + " after today (or now) is a 400";
    }
}
