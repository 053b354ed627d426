package org.jiguan.platform.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How commit positions are asked for: alone at once, together while a request is under way. The store here is a
 * counter whose first request is held until the test lets it go, so the others are known to have asked meanwhile.
 */
class PositionRequestsTest {
    /** A thread per command (the common pool may have one thread on two cores, and each command blocks). */
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicLong counter = new AtomicLong();
    private final List<Integer> requested = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstAnswered = new CountDownLatch(1);
    private final CountDownLatch firstAsked = new CountDownLatch(1);

    private final PositionRequests positions = new PositionRequests(count -> {
        requested.add(count);
        if (requested.size() == 1) {
            firstAsked.countDown();
            await(firstAnswered);
        }
        return counter.getAndAdd(count) + 1;
    });

    @Test
    void a_command_alone_asks_at_once_for_one_position() {
        firstAnswered.countDown();
        assertThat(positions.next()).isEqualTo(1);
        assertThat(positions.next()).isEqualTo(2);
        assertThat(requested).containsExactly(1, 1);
    }

    @Test
    void commands_that_ask_while_a_request_is_under_way_share_the_next_one_and_each_gets_its_own_position()
            throws Exception {
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(positions::next, threads);
        await(firstAsked);
        List<CompletableFuture<Long>> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            waiting.add(CompletableFuture.supplyAsync(positions::next, threads));
        }
        awaitWaiting(positions, 3);
        firstAnswered.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(waiting.stream().map(CompletableFuture::join)).containsExactlyInAnyOrder(2L, 3L, 4L);
        assertThat(requested).containsExactly(1, 3);
    }

    @Test
    void a_failed_request_fails_every_command_of_its_group_and_the_next_asks_again() throws Exception {
        RuntimeException down = new IllegalStateException("store unreachable");
        AtomicLong calls = new AtomicLong();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch asking = new CountDownLatch(1);
        PositionRequests failing = new PositionRequests(count -> {
            long call = calls.incrementAndGet();
            if (call == 1) {
                asking.countDown();
                await(release);
                return 1;
            }
            if (call == 2) {
                throw down;
            }
            return 10;
        });
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(failing::next, threads);
        await(asking);
        List<CompletableFuture<Long>> group = List.of(CompletableFuture.supplyAsync(failing::next, threads),
                CompletableFuture.supplyAsync(failing::next, threads));
        awaitWaiting(failing, 2); // both wait behind the first request, for the one that fails
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        for (CompletableFuture<Long> command : group) {
            assertThatThrownBy(command::join).hasCause(down);
        }
        assertThat(failing.next()).as("the next command asks again").isEqualTo(10);
        assertThat(calls).hasValue(3);
    }

    @Test
    void a_request_that_ends_in_an_error_fails_its_group_and_does_not_stop_the_next() throws Exception {
        AtomicLong calls = new AtomicLong();
        PositionRequests erring = new PositionRequests(count -> {
            if (calls.incrementAndGet() == 1) {
                throw new StackOverflowError("in the driver");
            }
            return 5;
        });
        assertThatThrownBy(erring::next).isInstanceOf(StackOverflowError.class);
        assertThat(CompletableFuture.supplyAsync(erring::next, threads).get(5, TimeUnit.SECONDS))
                .as("the next command is not left waiting").isEqualTo(5);
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private static void awaitWaiting(PositionRequests requests, int commands) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (requests.waiting() < commands && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(requests.waiting()).isEqualTo(commands);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
