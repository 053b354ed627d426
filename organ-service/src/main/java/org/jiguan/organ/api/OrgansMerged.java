package org.jiguan.organ.api;

import java.time.LocalDate;
import java.util.List;

/** The surviving organ ({@code organId} = {@code survivingOrganId}) absorbed the others, each of which is abolished. */
public record OrgansMerged(String organId, String committeeId, String survivingOrganId, List<String> absorbedOrganIds,
                           LocalDate mergedOn, Approval approval) implements OrganEvent {
}
