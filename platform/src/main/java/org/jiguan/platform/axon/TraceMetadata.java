package org.jiguan.platform.axon;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.jiguan.platform.tracing.Traces;

/**
 * Stamps each command with the W3C {@value Traces#TRACEPARENT} of the request that sends it, or of a new trace
 * for a command no request sends (oversight's reminders); the events it produces carry it on to Kafka.
 */
final class TraceMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
    private final Traces traces;

    TraceMetadata(Traces traces) {
        this.traces = traces;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        String traceparent = traces.currentOrNew();
        if (traceparent == null) {
            return (index, command) -> command;
        }
        return (index, command) -> command.getMetaData().containsKey(Traces.TRACEPARENT) ? command
                : command.andMetaData(Map.of(Traces.TRACEPARENT, traceparent));
    }
}
