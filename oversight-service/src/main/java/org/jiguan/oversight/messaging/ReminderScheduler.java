package org.jiguan.oversight.messaging;

import org.jiguan.oversight.api.ReminderIds;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import org.jiguan.oversight.domain.reports.AnnualReportReminders;
import org.jiguan.oversight.api.IssueReminder;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.domain.reports.ReminderPlanner;
import org.jiguan.oversight.domain.reports.ReminderPolicy;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.domain.reports.ReminderToIssue;
import org.jiguan.oversight.api.ReminderWithdrawn;
import org.jiguan.oversight.api.WithdrawReminder;
import org.jiguan.oversight.domain.reports.ReportingYear;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.CommitteeFold;
import org.jiguan.oversight.domain.views.CommitteeView;
import org.jiguan.oversight.domain.views.OrganFold;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.time.BusinessCalendar;
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
    private final ReminderObligations obligations;
    private final ReminderTriggers triggers;
    private final CommandGateway commands;
    private final EventStore events;
    private final Clock clock;
    private final int yearsBack;
    private final MeterRegistry meters;
    /** False until this scheduler's first pass has folded every history and written every organ's obligations. */
    private volatile boolean primed;

    public ReminderScheduler(Histories histories, ReminderObligations obligations, ReminderTriggers triggers,
                             CommandGateway commands, EventStore events, Clock clock, int yearsBack,
                             MeterRegistry meters) {
        this.histories = histories;
        this.obligations = obligations;
        this.triggers = triggers;
        this.commands = commands;
        this.events = events;
        this.clock = clock;
        this.yearsBack = yearsBack;
        this.meters = meters;
    }

    /** What one run did. */
    public record Run(LocalDate day, int organs, int openYears, List<ReminderIssued> issued, int alreadyIssued,
                      int failed, int withdrawn, long millis) {
    }

    /**
     * One pass over every organ for today; safe to call at any time and as often as wanted. The first pass of a
     * scheduler folds every organ's history and writes its {@link ReminderObligations} (nothing this process did not
     * see is trusted); every later one folds again only the organs whose events were applied since
     * ({@link ReminderTriggers#takeFactsChanged}), then reads the obligations, one small document per organ.
     */
    public Run runOnce() {
        long started = System.nanoTime();
        Pass pass = new Pass(BusinessCalendar.today(clock), histories.live());
        if (!primed) {
            // The organs noted as changed stay noted: another scheduler of this process may share them, and folding
            // them once more at the next pass costs little.
            List<ReminderObligations.Facts> written = new ArrayList<>();
            for (String organId : obligations.organIds(histories.liveSuffix())) {
                pass.store.load(AggregateKind.ORGAN, organId).flatMap(history -> pass.check(history, false))
                        .ifPresent(written::add);
            }
            obligations.write(written);
            primed = true;
        } else {
            refresh(pass.store, triggers.takeFactsChanged());
            obligations.forEach(pass::check);
        }
        Run run = pass.done(started);
        log.info("Reminder run for {}: {} organs, {} open report years, {} reminders issued, {} issued elsewhere, "
                + "{} failed, in {} ms", run.day(), run.organs(), run.openYears(), run.issued().size(),
                run.alreadyIssued(), run.failed(), run.millis());
        return run;
    }

    /** Folds the organs again and writes their obligations; on failure they are noted again for the next pass. */
    private void refresh(HistoryStore store, Set<String> organIds) {
        try {
            List<ReminderObligations.Facts> facts = new ArrayList<>();
            for (String organId : organIds) {
                store.load(AggregateKind.ORGAN, organId)
                        .flatMap(h -> OrganFold.fold(h, TimeSlice.everythingKnownAt(null)))
                        .flatMap(ReminderObligations.Facts::of).ifPresent(facts::add);
            }
            obligations.write(facts);
        } catch (RuntimeException e) {
            triggers.putBackFacts(organIds);
            throw e;
        }
    }

    /**
     * The same for the organs whose facts have just changed (an event of theirs consumed), so that a stage found
     * due follows within seconds of the fact (R-SUP-2); and the stages issued to them earlier that the new facts
     * no longer bear out are withdrawn, with the reason. Their obligations are written again on the way.
     */
    public Run runFor(Collection<String> organIds) {
        long started = System.nanoTime();
        Pass pass = new Pass(BusinessCalendar.today(clock), histories.live());
        List<ReminderObligations.Facts> written = new ArrayList<>();
        for (String organId : organIds) {
            pass.store.load(AggregateKind.ORGAN, organId).flatMap(history -> pass.check(history, true))
                    .ifPresent(written::add);
        }
        obligations.write(written);
        Run run = pass.done(started);
        if (!run.issued().isEmpty() || run.withdrawn() > 0 || run.failed() > 0) {
            log.info("Reminders after new facts on {} organs: {} issued, {} withdrawn, {} failed, in {} ms",
                    organIds.size(), run.issued().size(), run.withdrawn(), run.failed(), run.millis());
        }
        return run;
    }

    /** One pass's day, store, the policies read so far and its tally. */
    private final class Pass {
        private final LocalDate today;
        private final HistoryStore store;
        private final Map<String, ReminderPolicy> policies = new HashMap<>();
        private final List<ReminderIssued> issued = new ArrayList<>();
        private int organs;
        private int openYears;
        private int alreadyIssued;
        private int failed;
        private int withdrawn;

        Pass(LocalDate today, HistoryStore store) {
            this.today = today;
            this.store = store;
        }

        /**
         * Folds the organ's history and issues what is due for it; with {@code withdraw}, also withdraws what no
         * longer stands. Returns the organ's facts, for its obligations.
         */
        Optional<ReminderObligations.Facts> check(AggregateHistory history, boolean withdraw) {
            Optional<ReminderObligations.Facts> facts = OrganFold.fold(history, TimeSlice.everythingKnownAt(null))
                    .flatMap(ReminderObligations.Facts::of);
            facts.ifPresent(f -> check(f, Map.of(), withdraw));
            return facts;
        }

        /** Issues what is due for the organ, from its obligations. */
        void check(ReminderObligations.Obligation obligation) {
            check(obligation.facts(), obligation.issued(), false);
        }

        /**
         * @param cached stages known to be issued, by year (a stage there is in the store; one missing may be too)
         */
        private void check(ReminderObligations.Facts facts, Map<Integer, Set<ReminderStage>> cached,
                           boolean withdraw) {
            organs++;
            ReminderPolicy policy = policies.computeIfAbsent(facts.committeeId(),
                    committee -> policyOf(store, committee, today));
            int firstYear = Math.max(facts.organ().establishedOn().getYear(), today.getYear() - yearsBack);
            for (int year = firstYear; year <= today.getYear(); year++) {
                ReportingYear report = facts.year(year);
                if (withdraw) {
                    withdrawn += withdrawStale(facts.organId(), policy, report);
                }
                // Cheap check first: without any stage issued, would one be due today? Only then read the store.
                if (ReminderPlanner.stageToIssue(policy, report, Set.of(), today).isEmpty()) {
                    continue;
                }
                openYears++;
                // Nor when the stages known to be issued already cover it.
                Set<ReminderStage> known = cached.getOrDefault(year, Set.of());
                if (!known.isEmpty() && ReminderPlanner.stageToIssue(policy, report, known, today).isEmpty()) {
                    continue;
                }
                Set<ReminderStage> stored = stages(facts.organId(), year).issued();
                if (!stored.equals(known)) {
                    obligations.issued(facts.organId(), year, stored);
                }
                Optional<ReminderToIssue> due = ReminderPlanner.stageToIssue(policy, report, stored, today);
                if (due.isEmpty()) {
                    continue;
                }
                Attempt attempt = issue(facts.organId(), facts.committeeId(), due.get());
                switch (attempt.outcome()) {
                    case ISSUED -> issued.add(attempt.reminder());
                    case ALREADY_ISSUED -> alreadyIssued++;
                    case FAILED -> failed++;
                }
                if (attempt.outcome() == Outcome.ISSUED) {
                    obligations.issued(facts.organId(), year, Set.of(due.get().stage()));
                }
            }
        }

        Run done(long started) {
            return new Run(today, organs, openYears, List.copyOf(issued), alreadyIssued, failed, withdrawn,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Withdraws the organ's stages for the year that the facts known now no longer bear out; returns how many. */
    private int withdrawStale(String organId, ReminderPolicy policy, ReportingYear report) {
        // Cheap check first: would the facts withdraw any stage at all? Only then read the store.
        if (Arrays.stream(ReminderStage.values())
                .allMatch(stage -> ReminderPlanner.withdrawal(policy, report, stage).isEmpty())) {
            return 0;
        }
        Stages stages = stages(organId, report.year());
        int count = 0;
        for (ReminderStage stage : stages.issued()) {
            if (stages.withdrawn().contains(stage)) {
                continue;
            }
            Optional<ReminderPlanner.Withdrawal> withdrawal = ReminderPlanner.withdrawal(policy, report, stage);
            if (withdrawal.isPresent() && withdraw(organId, report.year(), stage, withdrawal.get())) {
                count++;
            }
        }
        return count;
    }

    private boolean withdraw(String organId, int year, ReminderStage stage, ReminderPlanner.Withdrawal withdrawal) {
        WithdrawReminder command = new WithdrawReminder(organId, year, stage, withdrawal.reason(),
                withdrawal.filedOn(), clock.instant());
        try {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(MetaData.with("caller", CALLER)));
        } catch (RuntimeException e) {
            if (!lostARace(e)) {
                log.warn("Could not withdraw the {} reminder for {}'s {} report; the next change tries again", stage,
                        organId, year, e);
            }
            return false;
        }
        meters.counter("jiguan.reminders.withdrawn", "stage", stage.name(), "reason", withdrawal.reason().name())
                .increment();
        log.info("Withdrew the {} reminder for {}'s {} report: {}{}", stage, organId, year, withdrawal.reason(),
                withdrawal.filedOn() == null ? "" : " (filed on " + withdrawal.filedOn() + ")");
        return true;
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
                ReminderIds.reminderOf(organId, due.year(), due.stage()), organId, committeeId,
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

    /** The stages issued and withdrawn for the organ and year. */
    record Stages(Set<ReminderStage> issued, Set<ReminderStage> withdrawn) {
    }

    /** The stages already issued and withdrawn for the organ and year, as stored: the truth every instance shares. */
    Stages stages(String organId, int year) {
        Set<ReminderStage> issued = EnumSet.noneOf(ReminderStage.class);
        Set<ReminderStage> withdrawn = EnumSet.noneOf(ReminderStage.class);
        events.readEvents(ReminderIds.remindersOf(organId, year)).asStream().map(e -> e.getPayload())
                .forEach(e -> {
                    if (e instanceof ReminderIssued i) {
                        issued.add(i.stage());
                    } else if (e instanceof ReminderWithdrawn w) {
                        withdrawn.add(w.stage());
                    }
                });
        return new Stages(issued, withdrawn);
    }

    /** The committee's policy in force today; the defaults when the committee is not known (yet). */
    private static ReminderPolicy policyOf(HistoryStore store, String committeeId, LocalDate today) {
        return CommitteeView.Policy.followed(store.load(AggregateKind.COMMITTEE, committeeId)
                .flatMap(h -> CommitteeFold.fold(h, TimeSlice.asOf(today))));
    }
}
