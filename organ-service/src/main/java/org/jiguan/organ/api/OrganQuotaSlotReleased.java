package org.jiguan.organ.api;

import java.time.LocalDate;

/** An organ of the committee was abolished (on its own or by merger), freeing its place. */
public record OrganQuotaSlotReleased(String committeeId, String organId, LocalDate on, String reason) implements CommitteeEvent {
}
