package org.jiguan.organ.api;

import java.time.LocalDate;

/** A member joined the organ's leadership body; {@code approval} is null unless R-LEAD-5 asked for one. */
public record LeaderAppointed(String organId, String committeeId, String memberId, String name, LeaderRole role,
                              LocalDate since, boolean concurrentUpperLevelPost, Approval approval) implements OrganEvent {
}
