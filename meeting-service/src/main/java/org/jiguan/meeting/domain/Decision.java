package org.jiguan.meeting.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.meeting.api.AssignDecisionTask;
import org.jiguan.meeting.api.CommitteeReplyRecorded;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReconsidered;
import org.jiguan.meeting.api.DecisionReportedToCommittee;
import org.jiguan.meeting.api.DecisionRevokedByCommittee;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.DecisionTaskAssigned;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.OrganAffairsMeeting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.RecordCommitteeReply;
import org.jiguan.meeting.api.ReportDecisionToCommittee;
import org.jiguan.meeting.api.ReportTaskFeedback;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.RevokeDecision;
import org.jiguan.meeting.api.TakeUrgentDecision;
import org.jiguan.meeting.api.TaskFeedbackReported;
import org.jiguan.meeting.api.UrgentDecisionReported;
import org.jiguan.meeting.api.UrgentDecisionTaken;

/**
 * A decision of an organ: adopted by a meeting, or taken alone by the principal in an emergency; carried out
 * through tasks; reported to the committee when major or urgent (R-DEC-1); possibly reconsidered by a later meeting
 * or revoked by the committee, its history kept either way.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache",
        commandTargetResolver = "commandTargets")
@Revision("2") // the category and the report to the committee (R-DEC-1): snapshots without a revision are passed over
public class Decision {
    @AggregateIdentifier
    private String decisionId;
    private String organId;
    private String committeeId;
    private String meetingId;
    private DecisionOrigin origin;
    private LocalDate decidedOn;
    private ItemCategory category;
    private String reportedTo;
    /** When the decision was reported to the committee (R-DEC-1); null until then. */
    private LocalDate reportedToCommitteeOn;
    private boolean committeeReplied;
    /** Null while the decision is in force; otherwise what ended it. */
    private String standing;
    private DecisionTasks tasks = new DecisionTasks();

    protected Decision() {
        // for Axon
    }

    /** Created by the meeting that adopts the item, in the same unit of work (R-MEET-10). */
    Decision(DecisionTaken taken) {
        apply(taken);
    }

    @CommandHandler
    public Decision(TakeUrgentDecision command) {
        OrganOnDate organ = UrgentDecisions.requireTakeable(command);
        apply(new UrgentDecisionTaken(command.decisionId(), organ.organId(), organ.committeeId(), command.decidedBy(),
                command.title(), command.category(), command.decidedOn(), command.reason(), DecisionOrigin.URGENT));
    }

    @CommandHandler
    public void handle(AssignDecisionTask command) {
        tasks.requireAssignable(command, standing, decidedOn);
        apply(new DecisionTaskAssigned(decisionId, organId, committeeId, command.taskId(), command.owner(),
                command.dueOn(), command.description()));
    }

    @CommandHandler
    public void handle(ReportTaskFeedback command) {
        tasks.requireFeedback(command, decidedOn);
        apply(new TaskFeedbackReported(decisionId, organId, committeeId, command.taskId(), command.reportedOn(),
                command.done(), command.note()));
    }

    @CommandHandler
    public void handle(RevokeDecision command) {
        DecisionChanges.requireRevocable(command, committeeId, decidedOn, standing);
        apply(new DecisionRevokedByCommittee(decisionId, organId, committeeId, command.action(), command.reason(),
                command.on()));
    }

    @CommandHandler
    public void handle(ReportDecisionToCommittee command) {
        CommitteeReports.requireReportable(decisionId, organId, origin, category, decidedOn, reportedToCommitteeOn,
                command);
        apply(new DecisionReportedToCommittee(decisionId, organId, committeeId, command.reportedOn(),
                command.documentNo(), command.signedBy(), command.signingBasis(), command.mandate()));
    }

    @CommandHandler
    public void handle(RecordCommitteeReply command) {
        CommitteeReports.requireReply(decisionId, reportedToCommitteeOn, committeeReplied, command);
        apply(new CommitteeReplyRecorded(decisionId, organId, committeeId, command.kind(), command.repliedOn(),
                command.documentNo(), command.note()));
    }

    /** A later affairs meeting adopted an item that reconsiders this decision (R-MEET-13). */
    void reconsider(Adoption adoption) {
        DecisionChanges.requireReconsiderable(decisionId, organId, meetingId, decidedOn, standing, adoption);
        apply(new DecisionReconsidered(decisionId, organId, committeeId, adoption.meetingId(), adoption.itemId(),
                adoption.decisionId(), adoption.decidedOn()));
    }

    /** An urgent decision is reported to the next affairs meeting of its organ (R-MEET-14). */
    void reportTo(MeetingFacts meeting, List<OrganAffairsMeeting> affairsMeetings) {
        UrgentDecisions.requireReportable(decisionId, origin, reportedTo, organId, decidedOn, meeting);
        UrgentDecisions.requireNextAffairsMeeting(decisionId, decidedOn, meeting, affairsMeetings);
        apply(new UrgentDecisionReported(decisionId, organId, committeeId, meeting.meetingId(), meeting.openedOn()));
    }

    @EventSourcingHandler
    void on(DecisionTaken event) {
        decisionId = event.decisionId();
        organId = event.organId();
        committeeId = event.committeeId();
        meetingId = event.meetingId();
        origin = event.origin();
        decidedOn = event.decidedOn();
        category = event.category();
    }

    @EventSourcingHandler
    void on(UrgentDecisionTaken event) {
        decisionId = event.decisionId();
        organId = event.organId();
        committeeId = event.committeeId();
        origin = event.origin();
        decidedOn = event.decidedOn();
        category = event.category();
    }

    @EventSourcingHandler
    void on(DecisionReportedToCommittee event) {
        reportedToCommitteeOn = event.reportedOn();
    }

    @EventSourcingHandler
    void on(CommitteeReplyRecorded event) {
        committeeReplied = true;
    }

    @EventSourcingHandler
    void on(UrgentDecisionReported event) {
        reportedTo = event.meetingId();
    }

    @EventSourcingHandler
    void on(DecisionTaskAssigned event) {
        tasks.assigned(event);
    }

    @EventSourcingHandler
    void on(TaskFeedbackReported event) {
        tasks.feedbackReported(event);
    }

    @EventSourcingHandler
    void on(DecisionRevokedByCommittee event) {
        standing = (event.action() == RevocationAction.REVOKE ? "revoked" : "changed")
                + " by committee " + event.committeeId() + " on " + event.on() + ": " + event.reason();
    }

    @EventSourcingHandler
    void on(DecisionReconsidered event) {
        standing = "reconsidered by meeting " + event.byMeetingId() + " on " + event.on() + ", replaced by decision "
                + event.newDecisionId();
    }
}
