package org.jiguan.organ.domain;

import org.jiguan.organ.api.CommitteeLevel;

/** Where a committee sits in the hierarchy: all an approval needs to be judged (R-ORG-2). */
record CommitteePosition(String committeeId, CommitteeLevel level, String parentCommitteeId) {
}
