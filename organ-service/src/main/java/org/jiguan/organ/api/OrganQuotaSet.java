package org.jiguan.organ.api;

/** The committee's organ quota was set on an approval; {@code previousQuota} is the one it replaces. */
public record OrganQuotaSet(String committeeId, int organQuota, int previousQuota, Approval approval) implements CommitteeEvent {
}
