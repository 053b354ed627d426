package org.jiguan.organ.api;

/** The organ was given a duty. */
public record DutyAssigned(String organId, String committeeId, String dutyCode, String description) implements OrganEvent {
}
