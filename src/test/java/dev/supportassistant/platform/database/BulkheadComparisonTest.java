package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

/**
 * Why the {@link Turnstile} is not Resilience4j's bulkhead: both are a fair semaphore with a
 * bounded wait, but the bulkhead has no bound on how many wait. Under sustained overload every
 * request would queue for the whole wait (30 s) instead of the surplus being refused at once,
 * which is what keeps memory bounded and answers early (bench/RESULTS.md).
 */
class BulkheadComparisonTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @Test
    void withNoRoomToWaitTheTurnstileRefusesAtOnceWhereTheBulkheadQueuesTheCaller() throws Exception {
        Turnstile turnstile = new Turnstile(1, Duration.ofHours(1), 0);
        turnstile.enter();
        assertThatThrownBy(turnstile::enter).isInstanceOf(Turnstile.NoPlace.class)
                .hasMessage("0 others are already waiting");

        // The bulkhead has no setting for how many may wait: the second caller waits for the hour.
        Bulkhead bulkhead = Bulkhead.of("database", BulkheadConfig.custom().maxConcurrentCalls(1)
                .maxWaitDuration(Duration.ofHours(1)).build());
        bulkhead.acquirePermission();
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
            waiter.set(Thread.currentThread());
            return bulkhead.tryAcquirePermission();
        }, threads);
        while (!second.isDone() && (waiter.get() == null || waiter.get().getState() != Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        assertThat(second).as("a refusal at once would show a bound on waiting").isNotDone();

        bulkhead.onComplete();

        assertThat(second.get(10, TimeUnit.SECONDS)).isTrue();
        threads.shutdownNow();
    }
}
