package org.jiguan.oversight.domain.views;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.domain.reports.ReminderPolicy;

/** Folds a decision's events into its {@link DecisionView} at a {@link TimeSlice}. Pure. */
public final class DecisionFold {
    private DecisionFold() {
    }

    /** Empty when the decision had not been taken by the slice; judged on the default calendar and no meetings. */
    public static Optional<DecisionView> fold(AggregateHistory history, TimeSlice slice) {
        return fold(history, slice, ReportingContext.of(ReminderPolicy.defaults()));
    }

    /**
     * @param context the committee's calendar and deadline (R-DEC-1) and the organ's meetings as of the slice
     *                (R-MEET-14)
     */
    public static Optional<DecisionView> fold(AggregateHistory history, TimeSlice slice, ReportingContext context) {
        return fold(history.datedHistory(), slice, context);
    }

    /** The same, from the dated events (a whole history's, or a read model's facts of it). */
    public static Optional<DecisionView> fold(DatedHistory history, TimeSlice slice, ReportingContext context) {
        State s = new State();
        for (DatedEvent e : slice.of(history.dated())) {
            s.apply(e.name(), e.event().data(), e.businessDate());
        }
        if (s.status == null) {
            return Optional.empty();
        }
        LocalDate day = slice.asOf();
        List<DecisionView.Task> tasks = s.tasks.values().stream().map(t -> t.on(day)).toList();
        int overdue = (int) tasks.stream().filter(DecisionView.Task::overdue).count();
        DecisionStatus status = s.status;
        if (status == DecisionStatus.PENDING_REPORT && s.decidedOn != null && context.nextAffairsMeeting(s.decidedOn)
                .filter(m -> m.status() == MeetingView.Status.ADJOURNED).isPresent()) {
            status = DecisionStatus.REPORT_OVERDUE;
        }
        return Optional.of(new DecisionView(history.id(), history.organId(), history.committeeId(), day,
                slice.knownAt(), s.origin, s.title, s.category, s.decidedOn, s.meetingId, s.itemId, s.decidedBy,
                s.reason, status, s.reconsiders, s.report, s.revocation, s.reconsideredBy, tasks, overdue,
                s.committeeReport(day, context)));
    }

    /** R-DEC-1: the four major categories of R-MEET-2 and REPORT_TO_COMMITTEE, besides every urgent decision. */
    private static final Set<String> REPORTED_CATEGORIES = Set.of("MAJOR_DECISION", "PERSONNEL", "MAJOR_PROJECT",
            "LARGE_FUNDS", "REPORT_TO_COMMITTEE");

    private static final class State {
        DecisionStatus status;
        String origin;
        String title;
        String category;
        LocalDate decidedOn;
        String meetingId;
        String itemId;
        String decidedBy;
        String reason;
        String reconsiders;
        DecisionView.Report report;
        DecisionView.Revocation revocation;
        DecisionView.Reconsideration reconsideredBy;
        LocalDate reportedToCommitteeOn;
        String reportDocumentNo;
        String reportSignedBy;
        String reportSigningBasis;
        DecisionView.CommitteeReply reply;
        final Map<String, TaskState> tasks = new LinkedHashMap<>();

        DecisionView.CommitteeReport committeeReport(LocalDate day, ReportingContext context) {
            boolean required = "URGENT".equals(origin) || (category != null && REPORTED_CATEGORIES.contains(category));
            if (!required || decidedOn == null) {
                return new DecisionView.CommitteeReport(CommitteeReportStatus.NOT_REQUIRED, null, reportedToCommitteeOn,
                        reportDocumentNo, reportSignedBy, reportSigningBasis, false, reply);
            }
            LocalDate due = context.committeeReportDue(decidedOn);
            CommitteeReportStatus reportStatus = reportedToCommitteeOn != null ? CommitteeReportStatus.REPORTED
                    : day.isAfter(due) ? CommitteeReportStatus.OVERDUE : CommitteeReportStatus.PENDING;
            return new DecisionView.CommitteeReport(reportStatus, due, reportedToCommitteeOn, reportDocumentNo,
                    reportSignedBy, reportSigningBasis,
                    reportedToCommitteeOn != null && reportedToCommitteeOn.isAfter(due), reply);
        }

        void apply(String type, JsonNode d, LocalDate on) {
            switch (type) {
                case "DecisionTaken" -> {
                    status = DecisionStatus.IN_FORCE;
                    origin = orElse(Json.text(d, "origin"), "MEETING");
                    title = Json.text(d, "title");
                    category = Json.text(d, "category");
                    decidedOn = on;
                    meetingId = Json.text(d, "meetingId");
                    itemId = Json.text(d, "itemId");
                    reconsiders = Json.text(d, "reconsidersDecisionId");
                }
                case "UrgentDecisionTaken" -> {
                    status = DecisionStatus.PENDING_REPORT;
                    origin = orElse(Json.text(d, "origin"), "URGENT");
                    title = Json.text(d, "title");
                    category = Json.text(d, "category");
                    decidedOn = on;
                    decidedBy = Json.text(d, "decidedBy");
                    reason = Json.text(d, "reason");
                }
                case "UrgentDecisionReported" -> {
                    report = new DecisionView.Report(Json.text(d, "meetingId"), on);
                    if (status == DecisionStatus.PENDING_REPORT) {
                        status = DecisionStatus.IN_FORCE;
                    }
                }
                case "DecisionReportedToCommittee" -> {
                    reportedToCommitteeOn = on;
                    reportDocumentNo = Json.text(d, "documentNo");
                    reportSignedBy = Json.text(d, "signedBy");
                    reportSigningBasis = Json.text(d, "signingBasis");
                }
                case "CommitteeReplyRecorded" -> reply = new DecisionView.CommitteeReply(Json.text(d, "kind"), on,
                        Json.text(d, "documentNo"), Json.text(d, "note"));
                case "DecisionRevokedByCommittee" -> {
                    String action = Json.text(d, "action");
                    revocation = new DecisionView.Revocation(action, Json.text(d, "reason"), on);
                    status = "CHANGE".equals(action) ? DecisionStatus.CHANGED : DecisionStatus.REVOKED;
                }
                case "DecisionReconsidered" -> {
                    reconsideredBy = new DecisionView.Reconsideration(Json.text(d, "byMeetingId"),
                            Json.text(d, "byItemId"), Json.text(d, "newDecisionId"), on);
                    status = DecisionStatus.RECONSIDERED;
                }
                case "DecisionTaskAssigned" -> tasks.put(Json.text(d, "taskId"), new TaskState(Json.text(d, "taskId"),
                        Json.text(d, "owner"), Json.date(d, "dueOn"), Json.text(d, "description")));
                case "TaskFeedbackReported" -> {
                    TaskState task = tasks.get(Json.text(d, "taskId"));
                    if (task != null) {
                        boolean done = Json.bool(d, "done");
                        task.feedback.add(new DecisionView.Feedback(on, done, Json.text(d, "note")));
                        if (done && task.doneOn == null) {
                            task.doneOn = on;
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private static final class TaskState {
        final String taskId;
        final String owner;
        final LocalDate dueOn;
        final String description;
        final List<DecisionView.Feedback> feedback = new ArrayList<>();
        LocalDate doneOn;

        TaskState(String taskId, String owner, LocalDate dueOn, String description) {
            this.taskId = taskId;
            this.owner = owner;
            this.dueOn = dueOn;
            this.description = description;
        }

        DecisionView.Task on(LocalDate day) {
            boolean overdue = doneOn == null && dueOn != null && day.isAfter(dueOn);
            return new DecisionView.Task(taskId, owner, dueOn, description, doneOn != null, doneOn, overdue,
                    List.copyOf(feedback));
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
