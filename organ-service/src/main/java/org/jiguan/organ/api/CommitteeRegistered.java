package org.jiguan.organ.api;

import java.util.List;

/** A party committee was registered; {@code policy} carries the defaults filled in. */
public record CommitteeRegistered(String committeeId, String name, CommitteeLevel level, String parentCommitteeId,
                                  int organQuota, ReportPolicy policy, List<String> reservedDuties) implements CommitteeEvent {
}
