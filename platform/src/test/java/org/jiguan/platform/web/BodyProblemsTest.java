package org.jiguan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** What the body reader notes while reading a body, instead of stopping at the first field it cannot read. */
class BodyProblemsTest {
    enum Kind { A, B }

    record Inner(Kind kind, LocalDate on) {
    }

    record Body(String name, Kind kind, Integer count, int size, LocalDate on, Inner inner, List<Inner> items) {
    }

    private final JsonMapper mapper = JsonMapper.builder().addHandler(new BodyProblems.Handler())
            .addModule(new SimpleModule().setDeserializerModifier(new DateBounds(
                    Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC)).bodyDates()))
            .build();

    @AfterEach
    void forget() {
        BodyProblems.takeNoted();
    }

    @Test
    void every_unreadable_field_is_noted_with_its_path_and_read_as_null() {
        new BodyProblems(null).beforeBodyRead(null, null, null, null);
        Body body = mapper.readValue("""
                {"name": {"x": [1, 2]}, "kind": "C", "count": "many", "size": "big", "on": "+10000-01-01",
                 "inner": {"kind": 7, "on": "1900-01-01"}, "items": [{"kind": "A"}, {"kind": "Z"}]}""", Body.class);
        assertThat(BodyProblems.takeNoted()).extracting(ProblemWriter.FieldError::field).containsExactly(
                "name", "kind", "count", "size", "on", "inner.kind", "inner.on", "items[1].kind");
        assertThat(body.kind()).isNull();
        assertThat(body.size()).isZero();
        assertThat(body.items().get(0).kind()).isEqualTo(Kind.A);
    }

    record Times(java.time.OffsetDateTime at, Instant when) {
    }

    @Test
    void instants_out_of_range_are_noted() {
        new BodyProblems(null).beforeBodyRead(null, null, null, null);
        mapper.readValue("{\"at\": \"+999999999-12-31T20:00:00Z\", \"when\": \"-999999999-01-01T00:00:00Z\"}",
                Times.class);
        assertThat(BodyProblems.takeNoted()).extracting(ProblemWriter.FieldError::field).containsExactly("at", "when");
    }

    @Test
    void outside_a_request_body_the_first_problem_fails_as_before() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.readValue("{\"kind\": \"C\"}", Body.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);
    }

    record Acts(LocalDate on, @MayLieAhead LocalDate dueOn, Instant at, @MayLieAhead Instant scheduledAt) {
    }

    @Test
    void an_act_lies_at_most_today_in_beijing_on_the_injected_clock_and_a_date_that_may_lie_ahead_ten_years() {
        // 20:00 UTC on 31 May is already 1 June in Beijing.
        Clock clock = Clock.fixed(Instant.parse("2026-05-31T20:00:00Z"), ZoneOffset.UTC);
        JsonMapper acts = JsonMapper.builder().addHandler(new BodyProblems.Handler())
                .addModule(new SimpleModule().setDeserializerModifier(new DateBounds(clock).bodyDates())).build();
        new BodyProblems(null).beforeBodyRead(null, null, null, null);
        Acts accepted = acts.readValue("""
                {"on": "2026-06-01", "dueOn": "2036-06-01", "at": "2026-05-31T20:01:59Z",
                 "scheduledAt": "2036-06-01T23:59:00+08:00"}""", Acts.class);
        assertThat(BodyProblems.takeNoted()).isEmpty();
        assertThat(accepted.dueOn()).isEqualTo(LocalDate.of(2036, 6, 1));

        new BodyProblems(null).beforeBodyRead(null, null, null, null);
        acts.readValue("""
                {"on": "2026-06-02", "dueOn": "2036-06-02", "at": "2026-05-31T20:02:01Z",
                 "scheduledAt": "2036-06-02T00:00:00+08:00"}""", Acts.class);
        assertThat(BodyProblems.takeNoted()).extracting(ProblemWriter.FieldError::field)
                .containsExactly("on", "dueOn", "at", "scheduledAt");
    }
}
