package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 11 part 6a as a jqwik property, for each service's {@code ApiFuzzTest} to implement: requests generated
 * from the service's own OpenAPI document ({@link ApiFuzz}) are never answered with a 5xx but 503, and every error is
 * problem+json with a {@code code}; 3,500 tries per service, 10,500 over the three. jqwik reports each run's seed and
 * the statuses and codes seen, and shrinks a failing request. No edge cases: jqwik's would spend a sixth of the tries
 * on the first and last operation with the same key and values; the generators' mutations are the edge cases.
 */
public interface ApiFuzzProperty {
    /** The service's fuzz, made once per run, after {@link SpringProperties#prepare} gave the test its context. */
    ApiFuzz fuzz();

    @Property(tries = 3500, generation = GenerationMode.RANDOMIZED, edgeCases = EdgeCasesMode.NONE,
            shrinking = ShrinkingMode.BOUNDED)
    default void no_request_is_answered_with_a_5xx_but_503_and_every_error_is_problem_json(
            @ForAll("requests") ApiFuzz.Request request) {
        ApiFuzz.Answer answer = fuzz().send(request);
        Statistics.label("status").collect(answer.status());
        Statistics.label("code").collect(answer.code() == null ? "-" : answer.code());
        assertThat(answer.violation()).as(request.toString()).isEmpty();
    }

    @Provide
    default Arbitrary<ApiFuzz.Request> requests() {
        return fuzz().requests();
    }
}
