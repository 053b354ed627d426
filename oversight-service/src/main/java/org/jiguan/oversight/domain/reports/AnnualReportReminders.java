package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderIds;

import org.jiguan.oversight.api.IssueReminder;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.ReminderWithdrawn;
import org.jiguan.oversight.api.WithdrawReminder;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.platform.rules.RuleViolation;

/**
 * The reminders issued for one organ's comprehensive annual work report for one year (R-SUP-2), id
 * {@code <organId>:<year>}. Each stage is issued at most once, and never after a later one: the event store's
 * unique (aggregate, sequence) index makes that hold across restarts and between instances, since two instances
 * issuing at once write the same sequence number and one of them loses.
 */
@Aggregate(commandTargetResolver = "commandTargets")
public class AnnualReportReminders {
    @AggregateIdentifier
    private String remindersId;
    private String organId;
    private String committeeId;
    private int year;
    private Set<ReminderStage> issued = EnumSet.noneOf(ReminderStage.class);
    private Set<ReminderStage> withdrawn = EnumSet.noneOf(ReminderStage.class);

    protected AnnualReportReminders() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(IssueReminder command) {
        RuleViolation.require(command.organId() != null && !command.organId().isBlank(), "R-SUP-2",
                "a reminder names its organ");
        RuleViolation.require(command.committeeId() != null && !command.committeeId().isBlank(), "R-SUP-2",
                "a reminder names the organ's committee");
        RuleViolation.require(command.stage() != null && command.dueOn() != null && command.issuedAt() != null,
                "R-SUP-2", "a reminder has a stage, a due date and the time it is issued");
        if (remindersId != null) {
            RuleViolation.require(organId.equals(command.organId()) && year == command.year(), "R-SUP-2",
                    "reminders " + remindersId + " are not those of organ " + command.organId() + " for "
                            + command.year());
        }
        ReminderStage stage = command.stage();
        RuleViolation.require(!issued.contains(stage), "R-SUP-2",
                stage + " was already issued for " + command.organId() + "'s " + command.year() + " report");
        issued.stream().filter(done -> done.compareTo(stage) > 0).findFirst().ifPresent(later -> {
            throw new RuleViolation("R-SUP-2", "the later stage " + later + " was already issued for "
                    + command.organId() + "'s " + command.year() + " report; " + stage + " is not issued after it");
        });
        apply(new ReminderIssued(ReminderIds.reminderOf(command.organId(), command.year(), stage), command.organId(),
                command.committeeId(), command.year(), stage, command.dueOn(), command.issuedAt()));
    }

    /** Withdraws an issued stage, once; a stage never issued, or withdrawn already, is refused (R-SUP-2). */
    @CommandHandler
    public void handle(WithdrawReminder command) {
        RuleViolation.require(command.stage() != null && command.reason() != null && command.withdrawnAt() != null,
                "R-SUP-2", "a withdrawal names the stage, its reason and the time it is withdrawn");
        RuleViolation.require(issued.contains(command.stage()), "R-SUP-2",
                command.stage() + " was never issued for " + organId + "'s " + year + " report");
        RuleViolation.require(!withdrawn.contains(command.stage()), "R-SUP-2",
                command.stage() + " for " + organId + "'s " + year + " report was already withdrawn");
        apply(new ReminderWithdrawn(ReminderIds.reminderOf(organId, year, command.stage()), organId, committeeId, year,
                command.stage(), command.reason(), command.filedOn(), command.withdrawnAt()));
    }

    @EventSourcingHandler
    void on(ReminderIssued event) {
        remindersId = ReminderIds.remindersOf(event.organId(), event.year());
        organId = event.organId();
        committeeId = event.committeeId();
        year = event.year();
        issued.add(event.stage());
    }

    @EventSourcingHandler
    void on(ReminderWithdrawn event) {
        withdrawn.add(event.stage());
    }
}
