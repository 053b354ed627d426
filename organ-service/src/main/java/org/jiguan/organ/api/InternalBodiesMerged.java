package org.jiguan.organ.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Internal bodies were merged into {@code bodyId}, which goes on under {@code name}; the absorbed ones end on
 * {@code mergedOn}.
 */
public record InternalBodiesMerged(String organId, String committeeId, String bodyId, List<String> absorbedBodyIds,
                                   String name, Approval approval, LocalDate mergedOn) implements OrganEvent {
}
