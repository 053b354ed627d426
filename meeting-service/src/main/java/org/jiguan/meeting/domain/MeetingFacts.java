package org.jiguan.meeting.domain;

import java.time.LocalDate;

import org.jiguan.meeting.api.MeetingKind;

/** What a decision needs to know of a meeting it is reported to (R-MEET-14). {@code openedOn} is null until then. */
record MeetingFacts(String meetingId, String organId, MeetingKind kind, LocalDate openedOn) {
}
