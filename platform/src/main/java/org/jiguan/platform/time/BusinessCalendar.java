package org.jiguan.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Business time, in one home for every service: business dates are Chinese dates ("today" is today in Beijing on
 * the service's injected {@link Clock}, whatever the clock's own zone), an instant counts as the date it falls on
 * in Beijing, and every business date a client sends lies between the founding of the People's Republic
 * (1949-10-01) and either today, for the date of an act, or a horizon ahead of today, for a date that may lie
 * ahead (a due date, a deadline, a meeting's schedule): CONTRACT.md "Limits".
 */
public final class BusinessCalendar {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The earliest business date of any act: 1949-10-01. */
    public static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    /** How far ahead of today a date that may lie ahead may be: due dates, deadlines, meeting schedules. */
    public static final Period HORIZON = Period.ofYears(10);
    /**
     * Clients send "now" from their own clocks, which may run a little ahead of ours: an instant of an act within
     * this margin after our now is not taken for one that has not happened yet.
     */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private BusinessCalendar() {
    }

    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The instant a business date begins in Beijing. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    /** The latest business date a client may send today for a date that may lie ahead. */
    public static LocalDate latest(Clock clock) {
        return today(clock).plus(HORIZON);
    }

    /**
     * Why {@code date} is outside the business dates a client may send, if it is.
     *
     * @param mayLieAhead whether the date may lie ahead of today (up to {@link #HORIZON}), or is an act's (at most
     *                    today)
     */
    public static Optional<String> outOfRange(LocalDate date, Clock clock, boolean mayLieAhead) {
        LocalDate latest = mayLieAhead ? latest(clock) : today(clock);
        return date.isBefore(EARLIEST) || date.isAfter(latest)
                ? Optional.of("must be a date between " + EARLIEST + " and " + latestText(latest, mayLieAhead)
                        + " in Beijing")
                : Optional.empty();
    }

    /**
     * Why {@code instant} falls outside those times, if it does: an act's time is at most now (and
     * {@link #CLOCK_SKEW}); one that may lie ahead falls on a date up to the horizon in Beijing. Compared as
     * instants, since an instant near {@link Instant#MAX} has no date in Beijing at all.
     */
    public static Optional<String> outOfRange(Instant instant, Clock clock, boolean mayLieAhead) {
        boolean out;
        String latest;
        if (mayLieAhead) {
            LocalDate last = latest(clock);
            out = !instant.isBefore(startOf(last.plusDays(1)));
            latest = latestText(last, true);
        } else {
            out = instant.isAfter(clock.instant().plus(CLOCK_SKEW));
            latest = "now (" + clock.instant() + ", with " + CLOCK_SKEW.toMinutes() + " minutes for clock skew)";
        }
        return out || instant.isBefore(startOf(EARLIEST))
                ? Optional.of("must be a time between " + EARLIEST + " and " + latest + " in Beijing")
                : Optional.empty();
    }

    private static String latestText(LocalDate latest, boolean mayLieAhead) {
        return mayLieAhead ? latest + " (today + " + HORIZON.getYears() + " years)" : "today (" + latest + ")";
    }
}
