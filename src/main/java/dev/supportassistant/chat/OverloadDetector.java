package dev.supportassistant.chat;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Tells when the service is past what its processors can do: turns have been queueing for the
 * service's own work (the embedding model, the database, the processors themselves) for a while,
 * not just in a burst. CoDel's test for a standing queue (Nichols and Jacobson, RFC 8289), applied
 * to a turn's own time (the whole turn but its provider's answer: reading, scoring and storing
 * the message, storing the reply): when even the quickest turn of a whole {@link #INTERVAL} took
 * the target ({@code OVERLOAD_TARGET_MS}, a second) or longer of its own, the queue is not
 * draining, and
 * {@link ChatAdmission} refuses new chats at once (503 with {@code Retry-After}) for the next
 * interval instead of letting every customer's wait grow without bound.
 *
 * <p>The provider's time is not counted: a slow model is not an overloaded service, and the
 * cap on concurrent chats covers the provider side. A burst does not trip it: the first turns of a
 * burst are quick, and only an interval in which none was quick counts. An interval in which no
 * turn got that far counts as not overloaded, so that refusing cannot outlast the queue it drains.
 * At full load from 64 connections a turn's own part took about 0.3 s here (bench/RESULTS.md), so
 * a second leaves room for that and still bounds a customer's wait.
 */
@Component
class OverloadDetector {

    /** How long the quickest turn must stay at the target or over, and how long refusing lasts before it is looked at again. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    private final LongSupplier nanoClock;
    /** A turn's own part taking this long even at its quickest is queueing, not working; 0: never overloaded. */
    private final long targetNanos;
    private long intervalEnds;
    private long quickest = Long.MAX_VALUE;
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

    /** A turn took this long besides waiting for its provider. */
    synchronized void turnTookOfItsOwn(long nanos) {
        roll();
        quickest = Math.min(quickest, nanos);
    }

    /** Whether the last interval showed a standing queue. */
    synchronized boolean overloaded() {
        roll();
        return overloaded;
    }

    private void roll() {
        long now = nanoClock.getAsLong();
        if (now - intervalEnds < 0) {
            return;
        }
        // Only the interval just ended speaks for the next; one that ended longer ago saw no turn since.
        boolean lastIntervalJustEnded = now - intervalEnds < INTERVAL.toNanos();
        overloaded = targetNanos > 0 && lastIntervalJustEnded && quickest != Long.MAX_VALUE && quickest >= targetNanos;
        quickest = Long.MAX_VALUE;
        intervalEnds = now + INTERVAL.toNanos();
    }
}
