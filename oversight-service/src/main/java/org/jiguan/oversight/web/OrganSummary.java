package org.jiguan.oversight.web;

import java.time.LocalDate;

import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.OrganStatus;

/** An organ in the organs list, as of the query's date. */
public record OrganSummary(String organId, String committeeId, String name, String kind, String mode,
                           OrganStatus status, LocalDate establishedOn, LocalDate abolishedOn, int staffingQuota,
                           Integer headcount, int leadershipQuota, int leaders) {

    static OrganSummary of(OrganProfile o) {
        return new OrganSummary(o.organId(), o.committeeId(), o.name(), o.kind(), o.mode(), o.status(),
                o.establishedOn(), o.abolishedOn(), o.staffing().quota(), o.staffing().headcount(),
                o.leadership().quota(), o.leadership().filled());
    }
}
