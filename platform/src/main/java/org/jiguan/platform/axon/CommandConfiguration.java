package org.jiguan.platform.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * How commands travel: the gateway stamps each with its caller and retries lost races between instances; every
 * command is logged with its outcome; the caller is copied onto the events it produces, so the event store
 * says who recorded each act.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class CommandConfiguration {

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(List.of(new CallerMetadata()))
                .retryScheduler(new ConcurrencyRetry(commandRetryExecutor))
                .build();
    }

    /**
     * Events carry the command's caller as well as Axon's correlation and trace ids. Static: Axon's configuration
     * needs these before this class's instance, which itself needs the command bus.
     */
    @Bean
    public static CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(CallerMetadata.CALLER);
    }

    @Bean
    public static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Autowired
    public void logCommands(CommandBus commandBus, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new CommandLog(meters));
    }
}
