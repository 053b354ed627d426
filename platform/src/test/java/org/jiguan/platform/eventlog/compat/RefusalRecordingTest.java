package org.jiguan.platform.eventlog.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.platform.eventlog.compat.LedgerService.Kind;
import org.jiguan.platform.eventlog.compat.LedgerService.OpenLedger;
import org.jiguan.platform.eventlog.compat.LedgerService.RecordEntry;
import org.jiguan.platform.rules.CommandRefused;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * R-AUD-1 on the platform's own wiring ({@link LedgerService}, a service with one aggregate): a command refused for
 * a rule is stored as a {@link CommandRefused} event of its own, after the refused unit of work rolled back, and
 * the target's events stay as they were.
 */
class RefusalRecordingTest {

    @Test
    @DisplayName("R-AUD-1 a refused command is recorded as its own event and changes nothing of its target")
    void R_AUD_1_a_refused_command_is_recorded_as_its_own_event_and_changes_nothing_of_its_target()
            throws Exception {
        try (ConfigurableApplicationContext service = LedgerService.start(TestInfrastructure.mongoUri(),
                "ledger-refusals-" + System.nanoTime())) {
            CommandGateway commands = service.getBean(CommandGateway.class);
            EventStorageEngine log = service.getBean(EventStorageEngine.class);
            commands.sendAndWait(as("clerk-1", new OpenLedger("ledger-r", Kind.DEPARTMENT, LocalDate.of(2025, 1, 2),
                    null, List.of(), null, 1)));
            commands.sendAndWait(as("clerk-1", entry("ledger-r", "e1")));

            assertThatThrownBy(() -> commands.sendAndWait(as("clerk-2", entry("ledger-r", "e2"))))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.ruleId()).isEqualTo("R-LEDGER-2"));

            assertThat(log.readEvents("ledger-r", 0).asStream().map(DomainEventMessage::getSequenceNumber).toList())
                    .as("the target's events").containsExactly(0L, 1L);
            List<DomainEventMessage<?>> refusals = refusals(service.getBean(EventStore.class), 1);
            DomainEventMessage<?> refusal = refusals.get(0);
            assertThat(refusal.getType()).isEqualTo("Refusal");
            assertThat(refusal.getSequenceNumber()).isZero();
            assertThat(refusal.getAggregateIdentifier()).isNotEqualTo("ledger-r").hasSize(36);
            assertThat(refusal.getPayload()).isEqualTo(new CommandRefused("R-LEDGER-2", null, "clerk-2", "RecordEntry",
                    "ledger-r", null, null, LocalDate.of(2025, 3, 1), "the ledger holds at most 1 entries"));
            assertThat(refusal.getMetaData()).containsEntry("caller", "clerk-2");
            assertThat(log.readEvents(refusal.getAggregateIdentifier(), 0).asStream().toList()).hasSize(1);
        }
    }

    @Test
    @DisplayName("R-AUD-1 an accepted command and a failure that is no rule's leave no refusal")
    void R_AUD_1_only_refusals_for_a_rule_are_recorded() throws Exception {
        try (ConfigurableApplicationContext service = LedgerService.start(TestInfrastructure.mongoUri(),
                "ledger-refusals-" + System.nanoTime())) {
            CommandGateway commands = service.getBean(CommandGateway.class);
            commands.sendAndWait(as("clerk-1", new OpenLedger("ledger-a", Kind.DEPARTMENT, LocalDate.of(2025, 1, 2),
                    null, List.of(), null, 5)));
            commands.sendAndWait(as("clerk-1", entry("ledger-a", "e1")));
            // Not a rule: the aggregate does not exist.
            assertThatThrownBy(() -> commands.sendAndWait(as("clerk-1", entry("no-such-ledger", "e1"))))
                    .isNotInstanceOf(RuleViolation.class);
            commands.sendAndWait(as("clerk-1", entry("ledger-a", "e2")));
            assertThat(refusals(service.getBean(EventStore.class), 0)).isEmpty();
        }
    }

    private static RecordEntry entry(String ledgerId, String entryId) {
        return new RecordEntry(ledgerId, entryId, LocalDate.of(2025, 3, 1), Instant.parse("2025-03-01T08:00:00Z"),
                List.of());
    }

    private static GenericCommandMessage<?> as(String caller, Object command) {
        return new GenericCommandMessage<>(command, Map.of("caller", caller));
    }

    /** The refusals in the store, once {@code expected} are there (or the whole store was read). */
    private static List<DomainEventMessage<?>> refusals(EventStore events, int expected) throws Exception {
        List<DomainEventMessage<?>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (System.nanoTime() < deadline && (found.size() < expected || expected == 0)) {
                if (!stream.hasNextAvailable(200, TimeUnit.MILLISECONDS)) {
                    if (expected == 0) {
                        break;
                    }
                    continue;
                }
                if (stream.nextAvailable() instanceof DomainEventMessage<?> event
                        && "Refusal".equals(event.getType())) {
                    found.add(event);
                }
            }
        }
        return found;
    }
}
