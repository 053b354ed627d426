package org.jiguan.organ.domain;

import java.time.Clock;
import java.time.LocalDate;

import org.jiguan.platform.rules.RuleViolation;

/** Business dates are judged against "today" of the injected clock, never the machine's. */
final class BusinessDates {
    private BusinessDates() {
    }

    static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }

    /** An act that cannot have happened yet is refused under the rule of the command that records it. */
    static void requireNotInFuture(LocalDate date, Clock clock, String ruleId, String what) {
        RuleViolation.require(date != null, ruleId, what + " is required");
        RuleViolation.require(!date.isAfter(today(clock)), ruleId,
                what + " " + date + " is in the future (today is " + today(clock) + ")");
    }

    static void requireText(String value, String ruleId, String what) {
        RuleViolation.require(value != null && !value.isBlank(), ruleId, what + " is required");
    }
}
