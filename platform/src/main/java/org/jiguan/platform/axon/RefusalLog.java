package org.jiguan.platform.axon;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.jiguan.platform.rules.CommandRefused;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.tracing.Traces;
import org.jiguan.platform.web.RuleTitles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * R-AUD-1: stores each command refused for a rule as a {@link CommandRefused} event, so it is published like
 * every other event. It sits between the gateway and the command bus ({@link #around}) and sees each command's
 * result after the refused command's unit of work rolled back, before the sender does: the refusal is its own
 * commit, the single event of its own aggregate ({@value #AGGREGATE}, a new UUID, sequence 0), and never touches
 * the target's events. A refusal that cannot be stored (the store is down) is logged; the answer stays the 422.
 */
final class RefusalLog {
    static final String AGGREGATE = "Refusal";
    private static final Logger log = LoggerFactory.getLogger(RefusalLog.class);
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final EventStore eventStore;
    private final RuleTitles titles = RuleTitles.fromClasspath();

    RefusalLog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The bus the gateway dispatches to: {@code bus}, with each result seen here first. */
    CommandBus around(CommandBus bus) {
        return new CommandBusAround(bus) {
            @Override
            public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
                bus.dispatch(command, (CommandCallback<C, R>) (message, result) -> {
                    onResult(message, result);
                    callback.onResult(message, result);
                });
            }
        };
    }

    void onResult(CommandMessage<?> command, CommandResultMessage<?> result) {
        if (!result.isExceptional() || !(result.exceptionResult() instanceof RuleViolation violation)) {
            return;
        }
        if (CurrentUnitOfWork.isStarted()) {
            // Sent from within another unit of work, which the refusal would join and share its fate with.
            log.warn("{} refused {} inside another unit of work: not recorded", command.getCommandName(),
                    violation.ruleId());
            return;
        }
        CommandRefused refused = refusalOf(command, violation);
        Map<String, Object> metaData = new HashMap<>();
        copy(command.getMetaData(), metaData, CallerMetadata.CALLER);
        copy(command.getMetaData(), metaData, Traces.TRACEPARENT);
        try {
            eventStore.publish(new GenericDomainEventMessage<>(AGGREGATE, UUID.randomUUID().toString(), 0, refused,
                    MetaData.from(metaData)));
        } catch (RuntimeException e) {
            log.warn("Refusal {} of {} for {} not recorded: {}", refused.rule(), refused.command(), refused.target(),
                    e.toString());
        }
    }

    CommandRefused refusalOf(CommandMessage<?> command, RuleViolation violation) {
        Object payload = command.getPayload();
        return new CommandRefused(violation.ruleId(), titles.titleOf(violation.ruleId()).orElse(null),
                String.valueOf(command.getMetaData().getOrDefault(CallerMetadata.CALLER, "-")),
                command.getPayloadType().getSimpleName(), targetOf(command),
                component(payload, "committeeId", String.class), component(payload, "organId", String.class),
                component(payload, null, LocalDate.class), violation.getMessage());
    }

    /** The command's {@code @TargetAggregateIdentifier}, or {@code -} for a command without one. */
    private static String targetOf(CommandMessage<?> command) {
        try {
            return TARGETS.resolveTarget(command).getIdentifier();
        } catch (IllegalArgumentException none) {
            return "-";
        }
    }

    /**
     * The command's first component of that type with that name (any name when null), e.g. its first date
     * ({@code asOf}, {@code since}, {@code filedOn}): the business date of the act; null when it has none.
     */
    static <T> T component(Object payload, String name, Class<T> type) {
        RecordComponent[] components = payload.getClass().getRecordComponents();
        if (components == null) {
            return null;
        }
        for (RecordComponent component : components) {
            if (component.getType() == type && (name == null || name.equals(component.getName()))) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.trySetAccessible(); // a record that is not public
                    return type.cast(accessor.invoke(payload));
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void copy(MetaData from, Map<String, Object> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }
}
