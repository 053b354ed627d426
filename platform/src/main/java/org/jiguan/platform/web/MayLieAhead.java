package org.jiguan.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a request field: this date or instant may lie ahead of today, up to the horizon
 * ({@link org.jiguan.platform.time.BusinessCalendar#HORIZON}): a due date, a deadline, a meeting's schedule, the end
 * of a term. Every other business date a client sends is the date of an act and lies at most today in Beijing (an
 * instant at most now): {@link DateBounds}, CONTRACT.md "Limits". The OpenAPI document states which on each field
 * ({@code x-latest}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface MayLieAhead {
}
