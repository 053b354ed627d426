package org.jiguan.organ.api;

import java.time.LocalDate;

/** An organ was established under the committee. {@code countedInQuota} is false when it counts once with an organ merged or co-located with it (R-COM-2). */
public record OrganQuotaSlotTaken(String committeeId, String organId, OrganKind organKind, boolean countedInQuota,
                                  LocalDate on) implements CommitteeEvent {
}
