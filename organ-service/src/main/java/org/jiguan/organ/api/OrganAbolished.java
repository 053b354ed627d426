package org.jiguan.organ.api;

import java.time.LocalDate;

/** An organ was abolished; {@code mergedInto} names the surviving organ when a merger abolished it, else null. */
public record OrganAbolished(String organId, String committeeId, LocalDate abolishedOn, Approval approval, String reason,
                             String mergedInto) implements OrganEvent {
}
