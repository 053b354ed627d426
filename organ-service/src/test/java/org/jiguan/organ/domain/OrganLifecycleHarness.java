package org.jiguan.organ.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.jiguan.organ.api.CommitteeEvent;
import org.jiguan.organ.api.OrganEvent;
import org.jiguan.platform.rules.RuleViolation;

/**
 * Runs commands through Axon's real pieces — command bus, annotated handlers, event-sourcing repositories over
 * an in-memory event store — so cross-aggregate acts are tested with their unit of work, rollback included.
 */
final class OrganLifecycleHarness {
    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final List<Object> published = new ArrayList<>();
    private CommandResultMessage<?> result;

    OrganLifecycleHarness(Clock clock) {
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(getClass()),
                new SimpleResourceParameterResolverFactory(List.of(clock)));
        EventSourcingRepository<Committee> committees = EventSourcingRepository.builder(Committee.class)
                .eventStore(eventStore).parameterResolverFactory(resolvers).build();
        EventSourcingRepository<Organ> organs = EventSourcingRepository.builder(Organ.class)
                .eventStore(eventStore).parameterResolverFactory(resolvers).build();
        AggregateAnnotationCommandHandler.<Committee>builder().aggregateType(Committee.class)
                .repository(committees).parameterResolverFactory(resolvers).build().subscribe(commandBus);
        AggregateAnnotationCommandHandler.<Organ>builder().aggregateType(Organ.class)
                .repository(organs).parameterResolverFactory(resolvers).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new OrganLifecycle(committees, organs), resolvers)
                .subscribe(commandBus);
        eventStore.subscribe(messages -> messages.forEach(m -> published.add(m.getPayload())));
    }

    /** Stores past events, each under its committee or organ by its ids. */
    OrganLifecycleHarness given(Object... events) {
        for (Object event : events) {
            String type = event instanceof OrganEvent ? "Organ" : "Committee";
            String id = event instanceof OrganEvent organEvent
                    ? organEvent.organId() : ((CommitteeEvent) event).committeeId();
            long sequence = eventStore.lastSequenceNumberFor(id).map(s -> s + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
        }
        published.clear();
        return this;
    }

    OrganLifecycleHarness when(Object command) {
        published.clear();
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(asCommandMessage(command), callback);
        result = callback.getResult();
        return this;
    }

    /** The command succeeded and stored exactly these events, in this order. */
    OrganLifecycleHarness expectEvents(Object... events) {
        assertThat(result.isExceptional())
                .withFailMessage(() -> "expected success but got " + result.exceptionResult()).isFalse();
        assertThat(published).containsExactly(events);
        return this;
    }

    /** The command succeeded, whatever it stored. */
    OrganLifecycleHarness expectAccepted() {
        assertThat(result.isExceptional())
                .withFailMessage(() -> "expected success but got " + result.exceptionResult()).isFalse();
        return this;
    }

    /** The command was refused under {@code ruleId} and nothing was stored. */
    OrganLifecycleHarness expectViolation(String ruleId) {
        assertThat(result.isExceptional()).withFailMessage("expected %s but the command succeeded", ruleId).isTrue();
        assertThat(result.exceptionResult()).isInstanceOfSatisfying(RuleViolation.class,
                violation -> assertThat(violation.ruleId()).as(violation.getMessage()).isEqualTo(ruleId));
        assertThat(published).isEmpty();
        return this;
    }

    /** The command was refused with {@code type} and nothing was stored. */
    OrganLifecycleHarness expectException(Class<? extends Throwable> type) {
        assertThat(result.isExceptional()).withFailMessage("expected %s but the command succeeded", type).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(type);
        assertThat(published).isEmpty();
        return this;
    }

    List<EventMessage<?>> storedEventsOf(String aggregateId) {
        List<EventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }
}
