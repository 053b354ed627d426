package org.jiguan.platform.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.callbacks.LoggingCallback;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * A command bus between the gateway and another bus that changes only how a command is dispatched: subscriptions
 * and interceptors go to the bus it wraps ({@link RefusalLog}, {@link KeyedCommands}).
 */
abstract class CommandBusAround implements CommandBus {
    protected final CommandBus bus;

    CommandBusAround(CommandBus bus) {
        this.bus = bus;
    }

    @Override
    public <C> void dispatch(CommandMessage<C> command) {
        dispatch(command, LoggingCallback.INSTANCE);
    }

    @Override
    public abstract <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback);

    @Override
    public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
        return bus.subscribe(commandName, handler);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super CommandMessage<?>> handlerInterceptor) {
        return bus.registerHandlerInterceptor(handlerInterceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        return bus.registerDispatchInterceptor(dispatchInterceptor);
    }
}
