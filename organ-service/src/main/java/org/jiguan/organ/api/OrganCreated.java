package org.jiguan.organ.api;

import java.time.LocalDate;

/** A working organ was established. Carries its committee's level and parent so approvals can be judged without a lookup. */
public record OrganCreated(String organId, String committeeId, CommitteeLevel committeeLevel, String parentCommitteeId,
                           String name, OrganKind kind, EstablishmentMode mode, LocalDate establishedOn,
                           int staffingQuota, int leadershipQuota, Approval approval, String relatedDepartment,
                           String coordinationBody, String field, boolean countedInQuota) implements OrganEvent {
}
