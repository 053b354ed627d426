package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A decision at the end of a day with its implementation tasks (R-MEET-12…14) and its report to the committee
 * (R-DEC-1).
 */
public record DecisionView(String decisionId, String organId, String committeeId, LocalDate asOf, Instant knownAt,
                           String origin, String title, String category, LocalDate decidedOn, String meetingId,
                           String itemId, String decidedBy, String reason, DecisionStatus status,
                           String reconsidersDecisionId, Report report, Revocation revocation,
                           Reconsideration reconsideredBy, List<Task> tasks, int overdueTasks,
                           CommitteeReport committeeReport) {

    /**
     * The decision's report to the organ's party committee (R-DEC-1, R-DOC-1): its status on the day, the last day
     * it may be reported on (null when not required), the report as made and the committee's reply.
     *
     * @param late reported after {@code dueOn}
     */
    public record CommitteeReport(CommitteeReportStatus status, LocalDate dueOn, LocalDate reportedOn,
                                  String documentNo, String signedBy, String signingBasis, boolean late,
                                  CommitteeReply reply) {
    }

    /** The committee's reply (批复) or acknowledgement. */
    public record CommitteeReply(String kind, LocalDate repliedOn, String documentNo, String note) {
    }

    /** An urgent decision's report to an affairs meeting (R-MEET-14). */
    public record Report(String meetingId, LocalDate reportedOn) {
    }

    public record Revocation(String action, String reason, LocalDate on) {
    }

    public record Reconsideration(String meetingId, String itemId, String newDecisionId, LocalDate on) {
    }

    /** An implementation task; overdue when not done and the day is after its due date (R-MEET-12). */
    public record Task(String taskId, String owner, LocalDate dueOn, String description, boolean done,
                       LocalDate doneOn, boolean overdue, List<Feedback> feedback) {
    }

    public record Feedback(LocalDate reportedOn, boolean done, String note) {
    }
}
