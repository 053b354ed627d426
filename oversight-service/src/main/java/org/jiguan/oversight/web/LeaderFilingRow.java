package org.jiguan.oversight.web;

import java.time.LocalDate;
import java.util.List;

import org.jiguan.oversight.domain.views.LeaderFilings;
import org.jiguan.oversight.domain.views.OrganProfile;

/** A leader who sat on an organ's body in the year, with the yearly filings made by the query's date (R-SUP-5). */
public record LeaderFilingRow(String organId, String organName, String committeeId, int year, String memberId,
                              String name, LocalDate integrityStatementFiledOn, LocalDate personalMattersReportFiledOn,
                              List<LeaderFilings.Filing> missing) {

    static LeaderFilingRow of(OrganProfile organ, LeaderFilings.MemberFilings m) {
        return new LeaderFilingRow(organ.organId(), organ.name(), organ.committeeId(), m.year(), m.memberId(),
                m.name(), m.integrityStatementFiledOn(), m.personalMattersReportFiledOn(), m.missing());
    }
}
