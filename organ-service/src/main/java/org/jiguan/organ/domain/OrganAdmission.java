package org.jiguan.organ.domain;

/** What a committee tells a new organ when admitting it: where it sits and whether it took a quota slot. */
record OrganAdmission(CommitteePosition committee, boolean countedInQuota) {
}
