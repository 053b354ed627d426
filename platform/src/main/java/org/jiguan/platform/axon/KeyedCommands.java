package org.jiguan.platform.axon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.jiguan.platform.eventlog.CommandKeys;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;
import org.jiguan.platform.web.IdempotentRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command of a request with an {@code Idempotency-Key} is carried out once, whatever failed after its events
 * were stored (ARCHITECTURE.md "Idempotency-Key"): {@link #stamp()} gives it its key ({@link IdempotentRequest}),
 * which the event log stores with its events ({@link CommandKeys}); {@link #around} looks the key up before the
 * command is dispatched, and when a commit holds it answers that commit's stored result instead of running the
 * command again. The lookup is one read on the log's unique {@code streams} index, made only for keyed commands.
 */
final class KeyedCommands {
    private static final Logger log = LoggerFactory.getLogger(KeyedCommands.class);

    private final CommitLogStorageEngine eventLog;

    KeyedCommands(CommitLogStorageEngine eventLog) {
        this.eventLog = eventLog;
    }

    /** Stamps each command sent while serving a keyed request with the request's next command key. */
    static MessageDispatchInterceptor<CommandMessage<?>> stamp() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> IdempotentRequest.current()
                        .<CommandMessage<?>>map(request -> command.andMetaData(
                                Map.of(CommandKeys.METADATA, request.nextCommandKey())))
                        .orElse(command);
            }
        };
    }

    /** The bus the gateway dispatches to: {@code bus}, but a keyed command already stored is answered from the log. */
    CommandBus around(CommandBus bus) {
        return new CommandBusAround(bus) {
            @Override
            public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
                Optional<CommandKeys.StoredResult> stored = storedResultOf(command);
                if (stored.isEmpty()) {
                    bus.dispatch(command, callback);
                    return;
                }
                log.info("{} with key {} was stored before; answering its stored result, not running it again",
                        command.getCommandName(), command.getMetaData().get(CommandKeys.METADATA));
                @SuppressWarnings("unchecked")
                R result = (R) stored.get().value();
                callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(result));
            }
        };
    }

    private Optional<CommandKeys.StoredResult> storedResultOf(CommandMessage<?> command) {
        return command.getMetaData().get(CommandKeys.METADATA) instanceof String key
                ? eventLog.storedCommandResult(key) : Optional.empty();
    }
}
