package org.jiguan.organ.api;

import java.time.LocalDate;

/** An organ was changed on an approval. Carries the values in force after the change, changed or not. */
public record OrganChanged(String organId, String committeeId, LocalDate changedOn, Approval approval, String name,
                           int staffingQuota, int leadershipQuota) implements OrganEvent {
}
