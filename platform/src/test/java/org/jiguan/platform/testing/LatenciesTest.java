package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The benchmarks' client threads: a client that fails fails the run, after every client has ended. */
class LatenciesTest {

    @Test
    void a_failing_client_fails_the_run_once_all_have_ended() {
        AtomicInteger finished = new AtomicInteger();
        assertThatThrownBy(() -> Latencies.inClients(4, client -> {
            if (client == 1) {
                throw new AssertionError("expected 204 but got 429");
            }
            finished.incrementAndGet();
        })).isInstanceOf(AssertionError.class).hasMessageContaining("1 of 4 clients failed")
                .hasMessageContaining("429");
        assertThat(finished).hasValue(3);
    }
}
