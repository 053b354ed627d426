package org.jiguan.organ.api;

import java.time.LocalDate;

/** A member left the organ's leadership body; {@code role} is the role held until then. */
public record LeaderRemoved(String organId, String committeeId, String memberId, String name, LeaderRole role,
                            LocalDate removedOn, String reason) implements OrganEvent {
}
