package org.jiguan.meeting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jiguan.platform.rules.RuleViolation;

/**
 * Business dates and times are judged in Beijing against the injected clock, never the machine's: a meeting held
 * at 07:00 on 3 March in Beijing is a meeting of 3 March, whatever the server's zone.
 */
final class BusinessTime {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * Clients send "now" from their own clocks, which may run a little ahead of ours; an act stamped within this
     * margin is not treated as one that has not happened yet.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private BusinessTime() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** An act that cannot have happened yet is refused under the rule of the command that records it. */
    static void requireNotInFuture(LocalDate date, Clock clock, String ruleId, String what) {
        RuleViolation.require(date != null, ruleId, what + " is required");
        RuleViolation.require(!date.isAfter(today(clock)), ruleId,
                what + " " + date + " is in the future (today is " + today(clock) + ")");
    }

    static void requireNotInFuture(Instant at, Clock clock, String ruleId, String what) {
        RuleViolation.require(at != null, ruleId, what + " is required");
        RuleViolation.require(!at.isAfter(clock.instant().plus(CLOCK_SKEW)), ruleId,
                what + " " + at + " is in the future (now is " + clock.instant() + ")");
    }

    static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
