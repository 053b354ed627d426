package org.jiguan.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.security.Forbidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per command once its outcome is final: stored (after the commit), refused with the rule id, or
 * failed (rolled back, e.g. a lost race that will be retried); and the counter {@code jiguan.commands} by
 * {@code type}, {@code outcome} ({@code accepted}, {@code refused}, {@code conflict}, {@code not_found},
 * {@code forbidden}, {@code failed}) and {@code rule} (the rule id of a refusal, else {@code none}). Each handling
 * counts once: a lost race that the gateway retries counts as a conflict, then as the retry's outcome.
 */
final class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {
    private static final Logger log = LoggerFactory.getLogger("jiguan.commands");
    private static final String NO_RULE = "none";

    private final MeterRegistry meters;

    CommandLog(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String name = command.getPayloadType().getSimpleName();
        Object caller = command.getMetaData().getOrDefault(CallerMetadata.CALLER, "-");
        long started = System.nanoTime();
        Object result;
        try {
            result = chain.proceed();
        } catch (RuleViolation violation) {
            log.info("{} by {} refused {}: {}", name, caller, violation.ruleId(), violation.getMessage());
            count(name, "refused", violation.ruleId());
            throw violation;
        } catch (Exception failure) {
            log.info("{} by {} not stored: {}", name, caller, failure.toString());
            count(name, outcomeOf(failure), NO_RULE);
            throw failure;
        }
        unitOfWork.afterCommit(u -> {
            log.info("{} by {} stored in {} ms", name, caller, elapsedMs(started));
            count(name, "accepted", NO_RULE);
        });
        unitOfWork.onRollback(u -> {
            log.info("{} by {} not stored: the commit failed", name, caller);
            count(name, outcomeOf(u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult()),
                    NO_RULE);
        });
        return result;
    }

    private void count(String type, String outcome, String rule) {
        meters.counter("jiguan.commands", "type", type, "outcome", outcome, "rule", rule).increment();
    }

    static String outcomeOf(Throwable failure) {
        if (failure instanceof Conflict || failure instanceof ConcurrencyException
                || failure instanceof AggregateStreamCreationException || failure instanceof DeadlockException) {
            return "conflict";
        }
        if (failure instanceof NotFound) {
            return "not_found";
        }
        return failure instanceof Forbidden ? "forbidden" : "failed";
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
