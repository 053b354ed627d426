package org.jiguan.oversight.web;

import java.time.LocalDate;
import java.util.List;

import org.jiguan.oversight.domain.views.FindingStatus;
import org.jiguan.oversight.domain.views.OrganProfile;

/** An inspection finding with its organ, as of the query's date (R-SUP-4). */
public record FindingRow(String organId, String organName, String committeeId, String findingId, String source,
                         String description, LocalDate recordedOn, LocalDate rectifyBy, FindingStatus status,
                         LocalDate rectifiedOn, long daysOverdue, List<OrganProfile.Rectification> rectifications) {

    static FindingRow of(OrganProfile organ, OrganProfile.Finding f) {
        return new FindingRow(organ.organId(), organ.name(), organ.committeeId(), f.findingId(), f.source(),
                f.description(), f.recordedOn(), f.rectifyBy(), f.status(), f.rectifiedOn(), f.daysOverdue(),
                f.rectifications());
    }
}
