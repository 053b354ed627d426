package org.jiguan.platform.axon;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Stamps each command with the authenticated caller (the token's {@code sub}) under {@value #CALLER}. */
final class CallerMetadata implements MessageDispatchInterceptor<CommandMessage<?>> {
    static final String CALLER = "caller";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null) {
            return (index, command) -> command;
        }
        return (index, command) -> command.andMetaData(Map.of(CALLER, caller.getName()));
    }
}
