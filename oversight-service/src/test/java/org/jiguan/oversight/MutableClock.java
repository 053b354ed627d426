package org.jiguan.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.jiguan.platform.time.BusinessCalendar;

/**
 * The business clock of the tests (Asia/Shanghai): the system's time until a test sets a day, and again after
 * {@link #reset()}. One instance per application context, so a test that sets it resets it when done.
 */
public final class MutableClock extends Clock {
    public static final ZoneId BEIJING = BusinessCalendar.ZONE;
    private volatile Instant fixed;

    @Override
    public ZoneId getZone() {
        return BEIJING;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }

    /** 09:00 in Beijing on {@code day}. */
    public void setDay(LocalDate day) {
        fixed = day.atTime(LocalTime.of(9, 0)).atZone(BEIJING).toInstant();
    }

    public void reset() {
        fixed = null;
    }
}
