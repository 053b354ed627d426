package org.jiguan.organ.api;

import java.time.LocalDate;

/** An accountability measure was decided against a member of the leadership body. */
public record AccountabilityMeasureRecorded(String organId, String committeeId, String measureId, String memberId,
                                            AccountabilityMeasure measure, String reason, LocalDate decidedOn) implements OrganEvent {
}
