package org.jiguan.meeting.api;

/** A voting member who did not attend; the written opinion is recorded and never counted as a vote (R-MEET-5). */
public record Absence(String memberId, String writtenOpinion) {
}
