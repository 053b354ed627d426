package org.jiguan.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Business time, in one place: business dates are Chinese dates ("today" is today in Beijing on the service's
 * injected {@link Clock}), an instant counts as the date it falls on in Beijing, and every business date a client
 * sends lies between the founding of the People's Republic (1949-10-01) and a horizon ahead of today
 * (CONTRACT.md "Limits"). Whether an act may lie in the future at all is the act's own rule (DOMAIN.md "Time").
 */
public final class BusinessCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The earliest business date of any act: 1949-10-01. */
    public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    /** How far ahead of today a date may be: due dates, meeting schedules, an organ approved to open later. */
    public static final Period HORIZON = Period.ofYears(10);

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The latest business date a client may send today. */
    public static LocalDate latest(Clock clock) {
        return today(clock).plus(HORIZON);
    }

    /** Why {@code date} is outside the business dates a client may send, if it is. */
    public static Optional<String> outOfRange(LocalDate date, Clock clock) {
        LocalDate latest = latest(clock);
        return date.isBefore(EARLIEST) || date.isAfter(latest) ? Optional.of(range("a date", latest)) : Optional.empty();
    }

    /**
     * Why {@code instant} falls outside those dates in Beijing, if it does; compared as instants, since an instant
     * near {@link Instant#MAX} has no date in Beijing at all.
     */
    public static Optional<String> outOfRange(Instant instant, Clock clock) {
        LocalDate latest = latest(clock);
        boolean out = instant.isBefore(EARLIEST.atStartOfDay(ZONE).toInstant())
                || !instant.isBefore(latest.plusDays(1).atStartOfDay(ZONE).toInstant());
        return out ? Optional.of(range("a time", latest)) : Optional.empty();
    }

    private static String range(String what, LocalDate latest) {
        return "must be " + what + " between " + EARLIEST + " and " + latest + " (today + " + HORIZON.getYears()
                + " years) in Beijing";
    }
}
