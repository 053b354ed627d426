package org.jiguan.platform.axon;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries a command that lost a race on an aggregate ({@code ConcurrencyException}): with several instances of
 * a service, one instance's cached aggregate can be behind another's write. The failed attempt evicts the cached
 * copy, so the retry decides on the stored state. Axon's own schedulers retry every failure not marked
 * non-transient, rule breaches included; this one retries only lost races.
 */
final class ConcurrencyRetry implements RetryScheduler {
    private static final Logger log = LoggerFactory.getLogger(ConcurrencyRetry.class);
    private static final int RETRIES = 3;
    private static final int RETRY_INTERVAL_MS = 50;

    private final ScheduledExecutorService executor;

    ConcurrencyRetry(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!lostARace(lastFailure) || failures.size() > RETRIES) {
            return false;
        }
        log.info("Retrying {} after a concurrent change ({} of {})", commandMessage.getCommandName(),
                failures.size(), RETRIES);
        executor.schedule(dispatchTask, (long) RETRY_INTERVAL_MS * failures.size(), TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean lostARace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
