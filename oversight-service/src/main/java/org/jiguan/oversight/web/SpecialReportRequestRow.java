package org.jiguan.oversight.web;

import java.time.LocalDate;

import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.SpecialReportRequestStatus;

/** A committee's request for a special report with its organ, as of the query's date (R-SUP-3). */
public record SpecialReportRequestRow(String organId, String organName, String committeeId, String requestId,
                                      String subject, LocalDate requestedOn, LocalDate dueOn,
                                      SpecialReportRequestStatus status, String answeredBy, LocalDate answeredOn,
                                      long daysOverdue) {

    static SpecialReportRequestRow of(OrganProfile organ, OrganProfile.SpecialReportRequest r) {
        return new SpecialReportRequestRow(organ.organId(), organ.name(), organ.committeeId(), r.requestId(),
                r.subject(), r.requestedOn(), r.dueOn(), r.status(), r.answeredBy(), r.answeredOn(), r.daysOverdue());
    }
}
