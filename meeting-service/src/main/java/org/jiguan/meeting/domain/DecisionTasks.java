package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jiguan.meeting.api.AssignDecisionTask;
import org.jiguan.meeting.api.DecisionTaskAssigned;
import org.jiguan.meeting.api.ReportTaskFeedback;
import org.jiguan.meeting.api.TaskFeedbackReported;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-12 (Art. 22): a decision in force is carried out through tasks with an owner and a due date, and feedback
 * until done. An open task past its due date is what oversight shows as overdue.
 */
final class DecisionTasks {
    private final Map<String, Boolean> doneByTaskId = new HashMap<>();

    /** @param standing null while the decision is in force, otherwise why it is no longer */
    void requireAssignable(AssignDecisionTask command, String standing, LocalDate decidedOn) {
        RuleViolation.require(standing == null, "R-MEET-12",
                "tasks are given only to a decision in force; this one is not: " + standing);
        RuleViolation.require(hasText(command.taskId()), "R-MEET-12", "the task id is required");
        if (doneByTaskId.containsKey(command.taskId())) {
            throw new Conflict("task " + command.taskId() + " already exists on this decision");
        }
        RuleViolation.require(hasText(command.owner()), "R-MEET-12", "the task's owner is required");
        RuleViolation.require(hasText(command.description()), "R-MEET-12", "the task's description is required");
        RuleViolation.require(command.dueOn() != null, "R-MEET-12", "the task's due date is required");
        RuleViolation.require(!command.dueOn().isBefore(decidedOn), "R-MEET-12",
                "a task due on " + command.dueOn() + " would be due before the decision of " + decidedOn);
    }

    void requireFeedback(ReportTaskFeedback command, LocalDate decidedOn) {
        Boolean done = doneByTaskId.get(command.taskId());
        if (done == null) {
            throw new NotFound("no task " + command.taskId() + " on this decision");
        }
        RuleViolation.requirePresent(command.reportedOn(), "R-MEET-12", "the feedback date");
        RuleViolation.require(!command.reportedOn().isBefore(decidedOn), "R-MEET-12",
                "feedback of " + command.reportedOn() + " predates the decision of " + decidedOn);
        RuleViolation.require(!done, "R-MEET-12", "task " + command.taskId() + " was already reported done");
    }

    void assigned(DecisionTaskAssigned event) {
        doneByTaskId.put(event.taskId(), false);
    }

    void feedbackReported(TaskFeedbackReported event) {
        if (event.done()) {
            doneByTaskId.put(event.taskId(), true);
        }
    }

    /** Value equality, so Axon's test fixture can tell the state built by commands from the state replayed from events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionTasks that
                && Objects.equals(doneByTaskId, that.doneByTaskId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(doneByTaskId);
    }
}
