package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.Duration;
import java.time.Instant;

import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-4 (PG 19, 21): items are fixed by the convener and announced at least a day ahead, none is added at the
 * meeting; an emergency meeting may skip the notice and raise items at the meeting, but says why. This class also
 * owns when the meeting actually takes place, since an early opening would cut the notice short.
 */
final class Notice {
    static final Duration MINIMUM_NOTICE = Duration.ofHours(24);

    private Notice() {
    }

    static void requireNotice(Instant scheduledAt, Instant noticeGivenAt, boolean emergency, String emergencyReason) {
        RuleViolation.require(scheduledAt != null, "R-MEET-4", "the scheduled time is required");
        if (emergency) {
            RuleViolation.require(hasText(emergencyReason), "R-MEET-4", "an emergency meeting must give its reason");
        } else {
            RuleViolation.require(noticeGivenAt != null, "R-MEET-4",
                    "the agenda must be announced at least 1 day ahead unless the meeting is an emergency");
            RuleViolation.require(!noticeGivenAt.isAfter(scheduledAt.minus(MINIMUM_NOTICE)), "R-MEET-4",
                    "notice given at " + noticeGivenAt + " is less than 1 day before the meeting at " + scheduledAt);
        }
        if (noticeGivenAt != null) {
            RuleViolation.requirePresent(noticeGivenAt, "R-MEET-4", "the notice");
        }
    }

    static void requireAdHocAllowed(boolean emergency, String itemId) {
        RuleViolation.require(emergency, "R-MEET-4", "item " + itemId
                + " cannot be added: the agenda was fixed in the notice and only an emergency meeting raises items"
                + " at the meeting");
    }

    static void requireOpeningTime(Instant openedAt, Instant noticeGivenAt, boolean emergency) {
        RuleViolation.requirePresent(openedAt, "R-MEET-4", "the opening time");
        if (noticeGivenAt == null) {
            return;
        }
        RuleViolation.require(!openedAt.isBefore(noticeGivenAt), "R-MEET-4",
                "the meeting cannot open at " + openedAt + ", before its notice at " + noticeGivenAt);
        RuleViolation.require(emergency || !openedAt.isBefore(noticeGivenAt.plus(MINIMUM_NOTICE)), "R-MEET-4",
                "opening at " + openedAt + " leaves less than 1 day after the notice at " + noticeGivenAt);
    }

    static void requireAdjournmentTime(Instant at, Instant openedAt) {
        RuleViolation.requirePresent(at, "R-MEET-4", "the adjournment time");
        RuleViolation.require(!at.isBefore(openedAt), "R-MEET-4",
                "the meeting cannot end at " + at + ", before it opened at " + openedAt);
    }
}
