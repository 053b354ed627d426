package org.jiguan.meeting.api;

/** A member of an organ's leadership body on some date; every member votes in the affairs meeting (R-MEET-5). */
public record BodyMember(String memberId, String name, LeaderRole role, boolean concurrentUpperLevelPost) {
}
