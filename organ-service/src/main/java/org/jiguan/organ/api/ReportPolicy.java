package org.jiguan.organ.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A committee's annual-report policy (R-SUP-1, R-SUP-2). Every field is optional in a command; the domain fills
 * in the defaults (due {@code --01-31}, cut-off {@code --09-30}, offsets {@code [-30,-7,0,1,30]}, calendar
 * {@code CN}) so events always carry the full policy.
 *
 * @param reportDueMonthDay the month-day of year Y+1 the report for Y is due, ISO {@code --MM-DD}
 * @param cutOffMonthDay    an organ active on this month-day of year Y owes a report for Y
 * @param reminderOffsets   days relative to the due date at which reminder stages fire
 * @param calendar          the working-day calendar that moves a due date off non-working days
 * @param reportToCommitteeWorkingDays R-DEC-1: working days after a decision by which it is reported to the
 *                          committee (default 10); absent from events stored before it existed, which then mean 10
 */
public record ReportPolicy(String reportDueMonthDay, String cutOffMonthDay, List<Integer> reminderOffsets,
                           String calendar, @JsonInclude(JsonInclude.Include.NON_NULL) Integer reportToCommitteeWorkingDays) {

    public ReportPolicy(String reportDueMonthDay, String cutOffMonthDay, List<Integer> reminderOffsets,
                        String calendar) {
        this(reportDueMonthDay, cutOffMonthDay, reminderOffsets, calendar, null);
    }
}
