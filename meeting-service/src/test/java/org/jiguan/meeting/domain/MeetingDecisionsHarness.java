package org.jiguan.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.RepositoryProvider;
import org.jiguan.meeting.api.DecisionEvent;
import org.jiguan.meeting.api.MeetingEvent;
import org.jiguan.platform.rules.RuleViolation;

/**
 * Runs commands through Axon's real pieces — command bus, annotated handlers, event-sourcing repositories over an
 * in-memory event store — so acts spanning a meeting and decisions are tested with their unit of work, the decision
 * a meeting spawns and the rollback included.
 */
final class MeetingDecisionsHarness {
    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final List<Object> published = new ArrayList<>();
    private CommandResultMessage<?> result;
    private EventSourcingRepository<Meeting> meetings;
    private EventSourcingRepository<Decision> decisions;

    MeetingDecisionsHarness(Clock clock) {
        ParameterResolverFactory resolvers = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(getClass()),
                new SimpleResourceParameterResolverFactory(List.of(clock)));
        RepositoryProvider provider = new RepositoryProvider() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Repository<T> repositoryFor(Class<T> type) {
                return (Repository<T>) (type == Decision.class ? decisions : meetings);
            }
        };
        meetings = EventSourcingRepository.builder(Meeting.class).eventStore(eventStore)
                .parameterResolverFactory(resolvers).repositoryProvider(provider).build();
        decisions = EventSourcingRepository.builder(Decision.class).eventStore(eventStore)
                .parameterResolverFactory(resolvers).repositoryProvider(provider).build();
        AggregateAnnotationCommandHandler.<Meeting>builder().aggregateType(Meeting.class)
                .repository(meetings).parameterResolverFactory(resolvers).build().subscribe(commandBus);
        AggregateAnnotationCommandHandler.<Decision>builder().aggregateType(Decision.class)
                .repository(decisions).parameterResolverFactory(resolvers).build().subscribe(commandBus);
        new AnnotationCommandHandlerAdapter<>(new MeetingDecisions(meetings, decisions), resolvers)
                .subscribe(commandBus);
        eventStore.subscribe(messages -> messages.forEach(m -> published.add(m.getPayload())));
    }

    /** Stores past events, each under its meeting or decision by its ids. */
    MeetingDecisionsHarness given(List<Object> events) {
        for (Object event : events) {
            String type = event instanceof MeetingEvent ? "Meeting" : "Decision";
            String id = event instanceof MeetingEvent meetingEvent
                    ? meetingEvent.meetingId() : ((DecisionEvent) event).decisionId();
            long sequence = eventStore.lastSequenceNumberFor(id).map(s -> s + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
        }
        published.clear();
        return this;
    }

    MeetingDecisionsHarness when(Object command) {
        published.clear();
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(asCommandMessage(command), callback);
        result = callback.getResult();
        return this;
    }

    /** The command succeeded and stored exactly these events, in this order. */
    MeetingDecisionsHarness expectEvents(Object... events) {
        assertThat(result.isExceptional())
                .withFailMessage(() -> "expected success but got " + result.exceptionResult()).isFalse();
        assertThat(published).containsExactly(events);
        return this;
    }

    /** The command was refused under {@code ruleId}, its message containing {@code text}, and nothing was stored. */
    MeetingDecisionsHarness expectViolation(String ruleId, String text) {
        assertThat(result.isExceptional()).withFailMessage("expected %s but the command succeeded", ruleId).isTrue();
        assertThat(result.exceptionResult()).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            assertThat(violation.ruleId()).as(violation.getMessage()).isEqualTo(ruleId);
            assertThat(violation.getMessage()).contains(text);
        });
        assertThat(published).isEmpty();
        return this;
    }

    MeetingDecisionsHarness expectViolation(String ruleId) {
        return expectViolation(ruleId, "");
    }

    /** The command was refused with {@code type} and nothing was stored. */
    MeetingDecisionsHarness expectException(Class<? extends Throwable> type) {
        assertThat(result.isExceptional()).withFailMessage("expected %s but the command succeeded", type).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(type);
        assertThat(published).isEmpty();
        return this;
    }

    Object resultValue() {
        return result.getPayload();
    }

    List<Object> published() {
        return published;
    }
}
