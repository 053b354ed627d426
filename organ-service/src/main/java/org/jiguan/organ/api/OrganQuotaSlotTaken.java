package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * An organ was established under the committee (R-COM-2). An organ merged or co-located with an active organ of
 * the committee ({@code sharesSlotWith}) counts once with it: {@code countedInQuota} is false, and it takes a
 * slot of its own only from the day that organ is abolished.
 */
public record OrganQuotaSlotTaken(String committeeId, String organId, OrganKind organKind, boolean countedInQuota,
                                  LocalDate on, String sharesSlotWith) implements CommitteeEvent {

    /** An organ with a slot of its own. */
    public OrganQuotaSlotTaken(String committeeId, String organId, OrganKind organKind, boolean countedInQuota,
                               LocalDate on) {
        this(committeeId, organId, organKind, countedInQuota, on, null);
    }
}
