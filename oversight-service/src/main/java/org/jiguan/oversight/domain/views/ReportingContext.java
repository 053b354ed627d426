package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jiguan.oversight.domain.reports.ReminderPolicy;
import org.jiguan.oversight.domain.reports.WorkingDayCalendar;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * What a decision's reporting duties are judged against: the committee's working-day calendar and its deadline for
 * reports to the committee (R-DEC-1), and the organ's meetings as of the day, to find the affairs meeting an urgent
 * decision is reported to (R-MEET-14).
 *
 * @param committeeReportWorkingDays the deadline, in working days after the decision
 * @param organMeetings              the organ's meetings as of the day; empty when not needed
 */
public record ReportingContext(WorkingDayCalendar calendar, int committeeReportWorkingDays,
                               List<MeetingView> organMeetings) {
    /** DOMAIN.md R-DEC-1: 10 working days after the decision, for a committee whose policy states no other. */
    public static final int DEFAULT_COMMITTEE_REPORT_WORKING_DAYS = 10;

    public ReportingContext {
        organMeetings = List.copyOf(organMeetings);
    }

    /** The default policy, without the organ's meetings. */
    public static ReportingContext of(ReminderPolicy policy) {
        return new ReportingContext(policy.calendar(), DEFAULT_COMMITTEE_REPORT_WORKING_DAYS, List.of());
    }

    /** A committee's policy (the defaults when it is not known), without the organ's meetings. */
    public static ReportingContext of(Optional<CommitteeView> committee) {
        CommitteeView.Policy policy = committee.map(CommitteeView::policy).orElse(CommitteeView.Policy.defaults());
        return new ReportingContext(CommitteeView.Policy.followed(committee).calendar(),
                policy.committeeReportWorkingDays(), List.of());
    }

    public ReportingContext withMeetings(List<MeetingView> meetings) {
        return new ReportingContext(calendar, committeeReportWorkingDays, meetings);
    }

    /** R-DEC-1: the last day a decision taken on {@code decidedOn} may be reported on. */
    LocalDate committeeReportDue(LocalDate decidedOn) {
        return calendar.plusWorkingDays(decidedOn, committeeReportWorkingDays);
    }

    /**
     * R-MEET-14: the next affairs meeting after a decision taken on {@code decidedOn}, the first of the organ's affairs
     * meetings opened on or after that day.
     */
    Optional<MeetingView> nextAffairsMeeting(LocalDate decidedOn) {
        return organMeetings.stream()
                .filter(m -> "AFFAIRS".equals(m.kind()) && m.openedAt() != null
                        && !BusinessCalendar.dateOf(m.openedAt()).isBefore(decidedOn))
                .min(Comparator.comparing(MeetingView::openedAt));
    }
}
