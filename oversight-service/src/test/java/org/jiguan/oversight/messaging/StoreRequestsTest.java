package org.jiguan.oversight.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class StoreRequestsTest {

    @Test
    void requests_run_at_the_same_time_and_all_are_done_on_return() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        AtomicBoolean firstDone = new AtomicBoolean();
        Runnable waitsForTheOther = () -> {
            bothStarted.countDown();
            try {
                assertThat(bothStarted.await(10, TimeUnit.SECONDS)).as("the other request runs meanwhile").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        StoreRequests.together(List.of(() -> {
            waitsForTheOther.run();
            firstDone.set(true);
        }, waitsForTheOther));
        assertThat(firstDone).isTrue();
    }

    @Test
    void a_failure_is_thrown_as_it_was_once_every_request_has_ended() {
        AtomicBoolean lastDone = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("the store refused");
        assertThatThrownBy(() -> StoreRequests.together(List.of(() -> {
            throw failure;
        }, () -> lastDone.set(true)))).isSameAs(failure);
        assertThat(lastDone).isTrue();
    }
}
