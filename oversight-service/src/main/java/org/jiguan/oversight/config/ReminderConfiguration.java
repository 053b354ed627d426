package org.jiguan.oversight.config;

import org.jiguan.oversight.messaging.IssuedReminderProjection;
import org.jiguan.oversight.messaging.IssuedReminders;
import org.jiguan.oversight.messaging.ReminderScheduler;
import org.jiguan.oversight.messaging.ReminderTriggers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.platform.messaging.EventConsumers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Reminders (R-SUP-2): the scheduler, its timer and the projection behind {@code GET /api/v1/reminders}.
 * <ul>
 *   <li>{@code jiguan.reminders.enabled} (default true): the timer runs the scheduler once shortly after startup
 *       ({@code jiguan.reminders.initial-delay}, default 10 s) and then every {@code jiguan.reminders.interval}
 *       (default 15 minutes), but only when the histories have caught up with Kafka (every consumer's lag 0), so
 *       a report filed while the service was down is seen before anything is chased. Every instance may run it:
 *       the aggregate keeps each stage to one reminder.</li>
 *   <li>Live (R-SUP-2, "within seconds of the fact"): every {@code jiguan.reminders.live-every} (default 1 s) the
 *       organs whose events the consumers applied since are checked at once ({@link ReminderTriggers}): a stage
 *       those facts make due is issued, and one they no longer bear out (a report recorded late, filed before the
 *       stage's day) is withdrawn with its reason. A committee's policy change reaches its organs at the next
 *       full run.</li>
 *   <li>{@code jiguan.reminders.years-back} (default 2): how many report years before the current one are still
 *       chased, so a first start on old data does not escalate every year since an organ's establishment.</li>
 * </ul>
 */
@Configuration
public class ReminderConfiguration {

    /** Reminder events stored under the packages' former names are read as today's classes. */
    @Bean
    public MovedMessageTypes movedMessageTypes() {
        return new MovedMessageTypes();
    }

    @Bean
    public IssuedReminders issuedReminders(MongoDatabase serviceDatabase) {
        return new IssuedReminders(serviceDatabase);
    }

    @Bean
    public IssuedReminderProjection issuedReminderProjection(IssuedReminders issuedReminders) {
        return new IssuedReminderProjection(issuedReminders);
    }

    @Bean
    public ReminderTriggers reminderTriggers(@Value("${jiguan.reminders.enabled:true}") boolean enabled) {
        return new ReminderTriggers(enabled);
    }

    @Bean
    public ReminderScheduler reminderScheduler(Histories histories, CommandGateway commandGateway,
                                               EventStore eventStore, Clock clock,
                                               @Value("${jiguan.reminders.years-back:2}") int yearsBack,
                                               MeterRegistry meterRegistry) {
        return new ReminderScheduler(histories, commandGateway, eventStore, clock, yearsBack, meterRegistry);
    }

    /** A failing write must be retried (the processor backs off), not logged and skipped past. */
    @Autowired
    public void configureProjection(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(IssuedReminderProjection.PROCESSING_GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerListenerInvocationErrorHandler(IssuedReminderProjection.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    /**
     * Runs on a thread of its own: left to itself, Spring would schedule on the only ScheduledExecutorService bean,
     * the platform's command-retry executor, and a run waiting on a command's retry would then wait on itself.
     */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "jiguan.reminders.enabled", havingValue = "true", matchIfMissing = true)
    static class ReminderTimer implements SchedulingConfigurer, DisposableBean {
        private static final Logger log = LoggerFactory.getLogger(ReminderTimer.class);
        private final ReminderScheduler scheduler;
        private final ReminderTriggers triggers;
        private final EventConsumers consumers;
        private final Duration interval;
        private final ThreadPoolTaskScheduler thread = new ThreadPoolTaskScheduler();
        private Instant lastRun;
        private boolean waitLogged;

        ReminderTimer(ReminderScheduler scheduler, ReminderTriggers triggers, EventConsumers consumers,
                      @Value("${jiguan.reminders.interval:PT15M}") Duration interval) {
            this.scheduler = scheduler;
            this.triggers = triggers;
            this.consumers = consumers;
            this.interval = interval;
            thread.setPoolSize(1);
            thread.setThreadNamePrefix("reminders-");
            thread.initialize();
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.setTaskScheduler(thread);
        }

        @Override
        public void destroy() {
            thread.shutdown();
        }

        /**
         * Checks every {@code jiguan.reminders.check-every} (10 s) whether a run is due (none yet, or the last one
         * {@code jiguan.reminders.interval} ago) and the histories have caught up with Kafka; a report filed while
         * this service was down may still be on its way, and judging before it arrives would chase it.
         */
        @Scheduled(initialDelayString = "${jiguan.reminders.initial-delay:PT10S}",
                fixedDelayString = "${jiguan.reminders.check-every:PT10S}")
        void tick() {
            if (lastRun != null && Instant.now().isBefore(lastRun.plus(interval))) {
                return;
            }
            List<String> behind = behind();
            if (!behind.isEmpty()) {
                if (!waitLogged) {
                    log.info("Reminders wait until the histories have caught up with Kafka: {}", behind);
                    waitLogged = true;
                }
                return;
            }
            waitLogged = false;
            lastRun = Instant.now();
            try {
                scheduler.runOnce();
            } catch (RuntimeException e) {
                // The histories or the store may be unreachable for a while; the next run starts afresh.
                log.warn("Reminder run failed; the next one tries again", e);
            }
        }

        /**
         * Every {@code jiguan.reminders.live-every} (1 s): the organs whose events were applied since the last time
         * are checked at once ({@link ReminderScheduler#runFor}), once the histories have caught up with Kafka (a
         * report on its way would otherwise be chased); until then they wait for the next turn.
         */
        @Scheduled(initialDelayString = "${jiguan.reminders.initial-delay:PT10S}",
                fixedDelayString = "${jiguan.reminders.live-every:PT1S}")
        void live() {
            Set<String> organs = triggers.take();
            if (organs.isEmpty()) {
                return;
            }
            if (!behind().isEmpty()) {
                triggers.putBack(organs);
                return;
            }
            try {
                scheduler.runFor(organs);
            } catch (RuntimeException e) {
                triggers.putBack(organs);
                log.warn("Reminders after new facts on {} organs failed; the next turn tries again", organs.size(), e);
            }
        }

        private List<String> behind() {
            return consumers.all().stream().filter(c -> c.lag() != 0)
                    .map(c -> c.name() + (c.lag() < 0 ? " (starting)" : " (" + c.lag() + " behind)")).toList();
        }
    }
}
