package org.jiguan.platform.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.function.Function;

import org.jiguan.platform.time.BusinessCalendar;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Every business date or instant a client sends lies between 1949-10-01 and today in Beijing (an instant: now),
 * the date of an act, or, on a body field marked {@link MayLieAhead} and in every query parameter (a date to read
 * as of), the horizon ahead of today ({@link BusinessCalendar#outOfRange}). Anything else is 400 VALIDATION naming
 * the field, before a command is sent: an act cannot have happened after today, a date of year 10,000 would be
 * stored and then be unreadable downstream, one of year 999,999,999 overflows date arithmetic. In one place for all
 * endpoints, so a new one cannot forget it; the OpenAPI document states the range on every date
 * ({@link ApiDocumentation}). "Today" is on the injected business clock.
 */
@ControllerAdvice
public class DateBounds {
    private final Clock clock;

    public DateBounds(Clock clock) {
        this.clock = clock;
    }

    Optional<String> outOfRange(Object value, boolean mayLieAhead) {
        if (value instanceof LocalDate date) {
            return BusinessCalendar.outOfRange(date, clock, mayLieAhead);
        }
        Instant instant = value instanceof OffsetDateTime t ? t.toInstant()
                : value instanceof ZonedDateTime t ? t.toInstant() : value instanceof Instant i ? i : null;
        return instant == null ? Optional.empty() : BusinessCalendar.outOfRange(instant, clock, mayLieAhead);
    }

    /** Query parameters and path variables: parsed as ISO-8601, then held to the range up to the horizon. */
    @InitBinder
    void dates(WebDataBinder binder) {
        binder.registerCustomEditor(LocalDate.class, new Editor(LocalDate::parse));
        binder.registerCustomEditor(Instant.class, new Editor(text -> OffsetDateTime.parse(text).toInstant()));
        binder.registerCustomEditor(OffsetDateTime.class, new Editor(OffsetDateTime::parse));
    }

    /**
     * A query parameter of a service's own type that stands for an instant (oversight's {@code since}, a date or an
     * instant): read by {@code parse} and held to the same range as the others, by the instant it stands for.
     */
    public <T> void register(WebDataBinder binder, Class<T> type, Function<String, T> parse,
                             Function<T, Instant> instantOf) {
        binder.registerCustomEditor(type, new Editor(text -> {
            T value = parse.apply(text);
            outOfRange(instantOf.apply(value), true).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            return value;
        }));
    }

    /** Request bodies: wraps Jackson's readers of dates and instants. */
    ValueDeserializerModifier bodyDates() {
        return new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
                                                           BeanDescription.Supplier description,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                boolean businessTime = type == LocalDate.class || type == OffsetDateTime.class
                        || type == ZonedDateTime.class || type == Instant.class;
                return businessTime ? new InRange(deserializer, type, false) : deserializer;
            }
        };
    }

    private final class Editor extends PropertyEditorSupport {
        private final Function<String, Object> parse;

        Editor(Function<String, Object> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            Object value;
            try {
                value = parse.apply(text.trim());
            } catch (DateTimeException e) { // unreadable, or beyond what date arithmetic holds
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 date or date-time");
            }
            outOfRange(value, true).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
            setValue(value);
        }
    }

    /** A date reader held to the range of its field: an act's (the default) or one that {@link MayLieAhead}. */
    private final class InRange extends DelegatingDeserializer {
        private final Class<?> type;
        private final boolean mayLieAhead;

        InRange(ValueDeserializer<?> delegate, Class<?> type, boolean mayLieAhead) {
            super(delegate);
            this.type = type;
            this.mayLieAhead = mayLieAhead;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new InRange(delegate, type, mayLieAhead);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(context, property);
            boolean ahead = property != null && property.getAnnotation(MayLieAhead.class) != null;
            return contextual instanceof InRange inRange && inRange.mayLieAhead != ahead
                    ? new InRange(inRange.getDelegatee(), type, ahead) : contextual;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Object value = super.deserialize(parser, context);
            Optional<String> problem = outOfRange(value, mayLieAhead);
            if (problem.isEmpty()) {
                return value;
            }
            return context.handleWeirdStringValue(type, parser.getString(), problem.get());
        }
    }
}
