package dev.supportassistant.chat;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells when the service is past what its processors can do: turns have been queueing for the
 * service's own work (the embedding model, the database, the processors themselves) for a while,
 * not just in a burst. CoDel's test for a standing queue (Nichols and Jacobson, RFC 8289), applied
 * to the time a turn takes to be ready for its answer (reading, scoring and storing the customer's
 * message): when even the quickest turn of a whole {@link #INTERVAL} took the target
 * ({@code OVERLOAD_TARGET_MS}, a second) or longer, the queue is not draining, and
 * {@link OverloadFilter} refuses new chats at once (503 with {@code Retry-After}) instead of letting
 * every customer's wait grow without bound.
 *
 * <p>Measured up to the answer, not after it: a slow model is not an overloaded service, and
 * measured there the signal comes early, before the work admitted in the meantime starves the
 * turns already answering (the embedding model's threads then took the
 * processors from the provider calls, and no turn finished for seconds). A burst does not trip it:
 * the first turns of a burst are quick. Refusing lasts while the interval shows no quick turn and
 * some turn is still on its way; with none on its way there is no queue left to drain, however
 * slow the last turns were (the first after start-up, waiting for the model to load). At full
 * load from 64 connections a turn took a few hundred milliseconds to be ready here
 * (bench/RESULTS.md), so a second leaves room for that and still bounds a customer's wait.
 */
@Component
class OverloadDetector {

    /** How long the quickest turn must stay at the target or over, and how often that is looked at. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final LongSupplier nanoClock;
    /** Turns taking this long even at their quickest mean a queue that does not drain; 0: never overloaded. */
    private final long targetNanos;
    private long intervalEnds;
    private long quickest = Long.MAX_VALUE;
    private int onTheirWay;
    private boolean overloaded;

    @Autowired
    OverloadDetector(ChatLimits limits) {
        this(Duration.ofMillis(limits.overloadTargetMs()), System::nanoTime);
    }

    OverloadDetector(Duration target, LongSupplier nanoClock) {
        this.targetNanos = target.toNanos();
        this.nanoClock = nanoClock;
        this.intervalEnds = nanoClock.getAsLong() + INTERVAL.toNanos();
    }

    /** Runs the part of a turn up to its answer, and notes how long it took, failed or not. */
    <T> T timed(Supplier<T> turnUntilItsAnswer) {
        Turn turn = started();
        try {
            return turnUntilItsAnswer.get();
        } finally {
            turn.ready();
        }
    }

    /** A turn on its way to its answer. */
    interface Turn {
        /** It is ready for its answer (or failed on the way); once. */
        void ready();
    }

    /** Whether the last interval showed a standing queue. */
    synchronized boolean overloaded() {
        roll();
        return overloaded && onTheirWay > 0;
    }

    synchronized Turn started() {
        roll();
        onTheirWay++;
        long started = nanoClock.getAsLong();
        return () -> readyAfter(nanoClock.getAsLong() - started);
    }

    private synchronized void readyAfter(long nanos) {
        roll();
        onTheirWay--;
        quickest = Math.min(quickest, nanos);
    }

    private void roll() {
        long now = nanoClock.getAsLong();
        if (now - intervalEnds < 0) {
            return;
        }
        // A queue needs turns in it: with none on its way, slow turns that have ended leave nothing to drain.
        // An interval in which no turn got ready keeps the verdict: they may all be stuck on their way.
        boolean standing = quickest == Long.MAX_VALUE ? overloaded : quickest >= targetNanos;
        overloaded = targetNanos > 0 && onTheirWay > 0 && standing;
        quickest = Long.MAX_VALUE;
        intervalEnds = now + INTERVAL.toNanos();
    }
}
