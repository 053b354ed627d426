package org.jiguan.meeting.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.jiguan.meeting.api.MeetingKind;

/**
 * What a decision needs to know of a meeting it is reported to (R-MEET-14). {@code openedAt} and {@code openedOn}
 * are null until it opens.
 */
record MeetingFacts(String meetingId, String organId, MeetingKind kind, Instant openedAt, LocalDate openedOn) {
}
