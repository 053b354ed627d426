package org.jiguan.platform.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jiguan.platform.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per command once its outcome is final: stored (after the commit), refused with the rule id, or
 * failed (rolled back, e.g. a lost race that will be retried).
 */
final class CommandLog implements MessageHandlerInterceptor<CommandMessage<?>> {
    private static final Logger log = LoggerFactory.getLogger("jiguan.commands");

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
            throw violation;
        } catch (Exception failure) {
            log.info("{} by {} not stored: {}", name, caller, failure.toString());
            throw failure;
        }
        unitOfWork.afterCommit(u -> log.info("{} by {} stored in {} ms", name, caller, elapsedMs(started)));
        unitOfWork.onRollback(u -> log.info("{} by {} not stored: the commit failed", name, caller));
        return result;
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
