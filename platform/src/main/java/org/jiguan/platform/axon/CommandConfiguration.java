package org.jiguan.platform.axon;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;
import org.jiguan.platform.tracing.Traces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * How commands travel: the gateway stamps each with its caller and trace and retries lost races between
 * instances, answers a command of an {@code Idempotency-Key} already stored from the log ({@link KeyedCommands}),
 * and records each refusal for a rule (R-AUD-1, {@link RefusalLog}); every command is logged with its
 * outcome; the caller and trace are copied onto the events it produces, so the event
 * store says who recorded each act and a consumer's log line names the request it came from.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
public class CommandConfiguration {

    @Bean(destroyMethod = "shutdown")
    public ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("command-retry"));
    }

    /**
     * {@code jiguan.refusals.record} (true): whether refusals are stored as {@code CommandRefused} events; off for
     * oversight-service, whose only commands are its own reminders.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                         Traces traces, EventStore eventStore, EventStorageEngine eventStorageEngine,
                                         @Value("${jiguan.refusals.record:true}") boolean recordRefusals) {
        CommandBus refusals = recordRefusals ? new RefusalLog(eventStore).around(commandBus) : commandBus;
        return DefaultCommandGateway.builder()
                .commandBus(eventStorageEngine instanceof CommitLogStorageEngine eventLog
                        ? new KeyedCommands(eventLog).around(refusals) : refusals)
                .dispatchInterceptors(List.of(new CallerMetadata(), new TraceMetadata(traces), KeyedCommands.stamp()))
                .retryScheduler(new ConcurrencyRetry(commandRetryExecutor))
                .build();
    }

    /** Which aggregate a command is for, looked up once per command class (aggregates name it). */
    @Bean
    public static CommandTargets commandTargets() {
        return new CommandTargets();
    }

    /**
     * Events carry the command's caller and W3C trace context as well as Axon's correlation and trace ids (Axon's
     * {@code traceId} is the originating message's id, not the W3C trace). Static: Axon's configuration
     * needs these before this class's instance, which itself needs the command bus.
     */
    @Bean
    public static CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(CallerMetadata.CALLER, Traces.TRACEPARENT);
    }

    @Bean
    public static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Each command logged and counted with its outcome; inside that, a refusal on a cached aggregate that another
     * instance has changed since becomes a lost race, run again on the stored state ({@link CachedVersions}).
     */
    @Autowired
    public void logCommands(CommandBus commandBus, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new CommandLog(meters));
        commandBus.registerHandlerInterceptor(CachedVersions.refusalsOnStaleState());
    }
}
