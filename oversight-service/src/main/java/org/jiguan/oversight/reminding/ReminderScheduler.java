package org.jiguan.oversight.reminding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.MetaData;
import org.jiguan.oversight.history.Histories;
import org.jiguan.oversight.history.HistoryStore;
import org.jiguan.oversight.reminders.AnnualReportReminders;
import org.jiguan.oversight.reminders.IssueReminder;
import org.jiguan.oversight.reminders.ReminderIssued;
import org.jiguan.oversight.reminders.ReminderPlanner;
import org.jiguan.oversight.reminders.ReminderPolicy;
import org.jiguan.oversight.reminders.ReminderStage;
import org.jiguan.oversight.reminders.ReminderToIssue;
import org.jiguan.oversight.reminders.ReportingYear;
import org.jiguan.oversight.views.AggregateHistory;
import org.jiguan.oversight.views.AggregateKind;
import org.jiguan.oversight.views.AnnualReportRow;
import org.jiguan.oversight.views.CommitteeFold;
import org.jiguan.oversight.views.CommitteeView;
import org.jiguan.oversight.views.OrganFold;
import org.jiguan.oversight.views.OrganProfile;
import org.jiguan.oversight.views.TimeSlice;
import org.jiguan.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues the annual-report reminders due today (R-SUP-2) for every organ the histories know.
 * <p>For each organ and each open year — from {@code yearsBack} years before today's year up to today's year (the
 * report for this year gets its advance warnings in late December), but not before the organ's establishment — it
 * asks {@link ReminderPlanner} which stage to issue today under the committee's policy, with the stages already
 * issued read from the event store, and sends {@link IssueReminder}. A filed report, an abolished organ or one not
 * owing the year gets nothing (the planner decides). The aggregate refuses a stage already issued or superseded,
 * so a restart, a repeated run or another instance running at the same moment never issues a stage twice: the
 * instance that loses the race gets a refusal or a concurrency failure, expected and logged at debug.
 * <p>Everything the histories know counts, whatever the business dates, and the rules judge each fact by its
 * date: a report dated after today has not been filed yet, an abolition dated later has not happened yet.
 */
public class ReminderScheduler {
    /** Who issued the reminder, in the command's and the events' metadata (as a user's token subject would be). */
    public static final String CALLER = "oversight-reminder-scheduler";
    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);

    private final Histories histories;
    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final int yearsBack;
    private final MeterRegistry meters;

    public ReminderScheduler(Histories histories, CommandGateway commands, EventStore events, Clock clock,
                             int yearsBack, MeterRegistry meters) {
        this.histories = histories;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.yearsBack = yearsBack;
        this.meters = meters;
    }

    /** What one run did. */
    public record Run(LocalDate day, int organs, int openYears, List<ReminderIssued> issued, int alreadyIssued,
                      int failed, long millis) {
    }

    /** One pass over every organ for today; safe to call at any time and as often as wanted. */
    public Run runOnce() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        HistoryStore store = histories.live();
        Map<String, ReminderPolicy> policies = new HashMap<>();
        List<ReminderIssued> issued = new ArrayList<>();
        int organs = 0;
        int openYears = 0;
        int alreadyIssued = 0;
        int failed = 0;
        for (AggregateHistory history : store.all(AggregateKind.ORGAN)) {
            Optional<OrganProfile> known = OrganFold.fold(history, TimeSlice.everythingKnownAt(null));
            if (known.isEmpty() || known.get().establishedOn() == null) {
                continue;
            }
            organs++;
            ReminderPolicy policy = policies.computeIfAbsent(history.committeeId(),
                    committee -> policyOf(store, committee, today));
            int firstYear = Math.max(known.get().establishedOn().getYear(), today.getYear() - yearsBack);
            for (int year = firstYear; year <= today.getYear(); year++) {
                Optional<ReportingYear> report = AnnualReportRow.reportingYear(known.get(), year);
                // Cheap check first: without any stage issued, would one be due today? Only then read the store.
                if (report.isEmpty()
                        || ReminderPlanner.stageToIssue(policy, report.get(), Set.of(), today).isEmpty()) {
                    continue;
                }
                openYears++;
                Optional<ReminderToIssue> due = ReminderPlanner.stageToIssue(policy, report.get(),
                        issuedStages(history.id(), year), today);
                if (due.isEmpty()) {
                    continue;
                }
                Attempt attempt = issue(history.id(), history.committeeId(), due.get());
                switch (attempt.outcome()) {
                    case ISSUED -> issued.add(attempt.reminder());
                    case ALREADY_ISSUED -> alreadyIssued++;
                    case FAILED -> failed++;
                }
            }
        }
        Run run = new Run(today, organs, openYears, List.copyOf(issued), alreadyIssued, failed,
                (System.nanoTime() - started) / 1_000_000);
        log.info("Reminder run for {}: {} organs, {} open report years, {} reminders issued, {} issued elsewhere, "
                + "{} failed, in {} ms", today, organs, openYears, issued.size(), alreadyIssued, failed, run.millis());
        return run;
    }

    private enum Outcome {
        ISSUED, ALREADY_ISSUED, FAILED
    }

    private record Attempt(Outcome outcome, ReminderIssued reminder) {
    }

    private Attempt issue(String organId, String committeeId, ReminderToIssue due) {
        Instant now = clock.instant();
        IssueReminder command = new IssueReminder(organId, committeeId, due.year(), due.stage(), due.dueOn(), now);
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with("caller", CALLER)));
        } catch (RuntimeException e) {
            if (lostARace(e)) {
                log.debug("{} reminder for {}'s {} report was issued by another run: {}", due.stage(), organId,
                        due.year(), e.toString());
                return new Attempt(Outcome.ALREADY_ISSUED, null);
            }
            log.warn("Could not issue the {} reminder for {}'s {} report; the next run tries again", due.stage(),
                    organId, due.year(), e);
            return new Attempt(Outcome.FAILED, null);
        }
        meters.counter("jiguan.reminders.issued", "stage", due.stage().name()).increment();
        log.info("Issued {} reminder for {}'s {} report (committee {}, due {}, fire day {}){}", due.stage(), organId,
                due.year(), committeeId, due.dueOn(), due.scheduledOn(),
                due.skipped().isEmpty() ? "" : "; earlier stages passed without reminder: " + due.skipped());
        return new Attempt(Outcome.ISSUED, new ReminderIssued(
                AnnualReportReminders.reminderIdOf(organId, due.year(), due.stage()), organId, committeeId,
                due.year(), due.stage(), due.dueOn(), now));
    }

    /** Another instance or run got there first: the stage (or a later one) is in the store, or is being written. */
    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException
                    || (t instanceof RuleViolation v && "R-SUP-2".equals(v.ruleId()))) {
                return true;
            }
        }
        return false;
    }

    /** The stages already issued for the organ and year, as stored: the truth every instance shares. */
    Set<ReminderStage> issuedStages(String organId, int year) {
        Set<ReminderStage> stages = EnumSet.noneOf(ReminderStage.class);
        events.readEvents(AnnualReportReminders.idOf(organId, year)).asStream()
                .map(e -> e.getPayload())
                .filter(ReminderIssued.class::isInstance)
                .forEach(e -> stages.add(((ReminderIssued) e).stage()));
        return stages;
    }

    /** The committee's policy in force today; the defaults when the committee is not known (yet). */
    private static ReminderPolicy policyOf(HistoryStore store, String committeeId, LocalDate today) {
        return CommitteeView.Policy.followed(store.load(AggregateKind.COMMITTEE, committeeId)
                .flatMap(h -> CommitteeFold.fold(h, TimeSlice.asOf(today))));
    }
}
