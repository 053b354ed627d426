package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What is computed from a committee's snapshot is computed once, even by readers asking together. */
class CommitteeRowsTest {

    @Test
    void four_readers_asking_together_on_a_cold_snapshot_compute_the_answer_once() throws Exception {
        CommitteeRows rows = new CommitteeRows(List.of());
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(readers.submit(() -> {
                    start.await();
                    return rows.memo("dashboard", () -> {
                        computed.incrementAndGet();
                        sleep(200);
                        return new Object();
                    });
                }));
            }
            start.countDown();
            Object first = answers.get(0).get();
            for (Future<Object> answer : answers) {
                assertThat(answer.get()).isSameAs(first);
            }
            assertThat(computed).hasValue(1);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void a_computation_that_failed_is_not_kept() {
        CommitteeRows rows = new CommitteeRows(List.of());
        assertThatThrownBy(() -> rows.memo("dashboard", () -> {
            throw new IllegalArgumentException("no committee");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("no committee");
        assertThat(rows.<String>memo("dashboard", () -> "computed again")).isEqualTo("computed again");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
