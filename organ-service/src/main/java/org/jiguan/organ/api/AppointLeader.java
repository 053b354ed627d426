package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Appoints a member to an organ's leadership body (R-LEAD-1…5). {@code approval} only where R-LEAD-5 asks for it. */
public record AppointLeader(@TargetAggregateIdentifier String organId, String memberId, String name, LeaderRole role,
                            LocalDate since, boolean concurrentUpperLevelPost, Approval approval) {
}
