package org.jiguan.platform.web;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/** The retention job: forgets old idempotency keys once an hour, so those kept are keys a client may still retry with. */
public class IdempotencyKeyCleanup implements InitializingBean, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;
    private final Duration retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "idempotency-key-cleanup");
        thread.setDaemon(true);
        return thread;
    });

    public IdempotencyKeyCleanup(IdempotencyKeys keys, Duration retention) {
        this.keys = keys;
        this.retention = retention;
    }

    @Override
    public void afterPropertiesSet() {
        timer.scheduleWithFixedDelay(this::cleanUp, 1, 60, TimeUnit.MINUTES);
    }

    private void cleanUp() {
        try {
            keys.forgetOlderThan(retention);
        } catch (MongoException e) {
            log.warn("Idempotency key cleanup failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
