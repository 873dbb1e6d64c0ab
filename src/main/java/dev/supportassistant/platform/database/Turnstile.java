package dev.supportassistant.platform.database;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of places for some scarce work (the database's connections), taken first
 * come first served. Virtual threads put no bound on how many requests reach such work at once;
 * this does, and keeps the queue bounded too: a caller waits at most {@code maxWait}, and when
 * {@code maxWaiting} callers already wait, a new one is turned away at once, so that sustained
 * overload is refused early instead of piling up requests until memory runs out.
 *
 * <p>Not Resilience4j's bulkhead, measured against this (bench/RESULTS.md, "Rate limits and
 * database turns"): its semaphore bulkhead is the same fair semaphore with a bounded wait, at the
 * same cost, but has no bound on how many wait ({@code BulkheadComparisonTest}); that bound is what
 * turns the surplus away at once (503) under sustained overload instead of holding every request
 * for the whole wait. Adding the bound around a bulkhead would leave the library one semaphore call
 * to make.
 */
final class Turnstile {

    /** Why a caller got no place; its message says so in words fit for a problem detail. */
    static final class NoPlace extends Exception {
        private NoPlace(String message) {
            super(message, null, false, false);
        }
    }

    private final Semaphore places;
    private final long maxWaitNanos;
    private final int maxWaiting;

    Turnstile(int places, Duration maxWait, int maxWaiting) {
        if (places < 1) {
            throw new IllegalArgumentException("a turnstile needs at least one place");
        }
        this.places = new Semaphore(places, true);
        this.maxWaitNanos = maxWait.toNanos();
        this.maxWaiting = maxWaiting;
    }

    /** Takes a place, waiting for one if need be; give it back with {@link #leave()}. */
    void enter() throws NoPlace {
        try {
            // Timed even when a place is free: an untimed tryAcquire would jump the queue.
            if (places.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (places.getQueueLength() >= maxWaiting) {
                throw new NoPlace(maxWaiting + " others are already waiting");
            }
            if (!places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new NoPlace("no turn within " + TimeUnit.NANOSECONDS.toSeconds(maxWaitNanos) + " s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new NoPlace("interrupted while waiting");
        }
    }

    void leave() {
        places.release();
    }

    /** Callers waiting for a place (an estimate, for metrics). */
    int waiting() {
        return places.getQueueLength();
    }
}
