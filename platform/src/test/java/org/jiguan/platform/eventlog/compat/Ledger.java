package org.jiguan.platform.eventlog.compat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.platform.eventlog.compat.LedgerService.EntryRecorded;
import org.jiguan.platform.eventlog.compat.LedgerService.Kind;
import org.jiguan.platform.eventlog.compat.LedgerService.LedgerOpened;
import org.jiguan.platform.eventlog.compat.LedgerService.OpenLedger;
import org.jiguan.platform.eventlog.compat.LedgerService.RecordEntry;
import org.jiguan.platform.rules.RuleViolation;

/** State of the kinds the services' aggregates keep (private fields, maps, sets, dates, a nested object). */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache")
public class Ledger {
    @AggregateIdentifier
    private String ledgerId;
    private Kind kind;
    private LocalDate openedOn;
    private Instant lastRecordedAt;
    private int limit;
    private Map<String, LocalDate> entries = new LinkedHashMap<>();
    private Set<String> keepers = new HashSet<>();
    private Totals totals = new Totals();

    protected Ledger() {
        // for Axon
    }

    @CommandHandler
    public Ledger(OpenLedger command) {
        apply(new LedgerOpened(command.ledgerId(), command.kind(), command.openedOn(), command.approval(),
                command.keepers(), command.note(), true, command.limit()));
    }

    /** A rule that needs the whole state: an entry id is recorded once, and at most {@code limit} entries. */
    @CommandHandler
    public void handle(RecordEntry command) {
        RuleViolation.require(!entries.containsKey(command.entryId()), "R-LEDGER-1",
                "entry " + command.entryId() + " is already recorded");
        RuleViolation.require(entries.size() < limit, "R-LEDGER-2", "the ledger holds at most " + limit + " entries");
        apply(new EntryRecorded(command.ledgerId(), command.entryId(), command.on(), command.recordedAt(),
                command.lines(), kind));
    }

    @EventSourcingHandler
    void on(LedgerOpened event) {
        ledgerId = event.ledgerId();
        kind = event.kind();
        openedOn = event.openedOn();
        limit = event.limit();
        keepers.addAll(event.keepers());
    }

    @EventSourcingHandler
    void on(EntryRecorded event) {
        entries.put(event.entryId(), event.on());
        lastRecordedAt = event.recordedAt();
        event.lines().forEach(line -> totals.add(line.account(), line.amount()));
    }

    /** A nested object with private state and no getters, like an organ's leadership body. */
    static class Totals {
        private Map<String, Integer> byAccount = new LinkedHashMap<>();
        private long sum;

        void add(String account, int amount) {
            byAccount.merge(account, amount, Integer::sum);
            sum += amount;
        }
    }
}
