package dev.supportassistant.chat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;

/**
 * Tells when the service is past what its processors can do, by Netflix's concurrency-limits: a cap
 * on the turns on their way to their answer at once (read, scored, stored; a slow provider is not an
 * overloaded service), halved each quarter second in which even the quickest tenth took
 * {@code OVERLOAD_TARGET_MS} or longer, grown by one while in use. Beyond it new chats are refused at
 * once, 503 with {@code Retry-After} ({@link OverloadFilter}). bench/RESULTS.md, "Overload: concurrency-limits".
 */
@Component
class OverloadDetector {

    /** How often the turns' times are looked at. */
    static final Duration WINDOW = Duration.ofMillis(250);
    /** The cap never goes below this, so that a machine that just coped with an overload still takes a burst. */
    static final int LEAST = 20;

    /** A turn on its way to its answer. */
    interface Turn {
        /** It is ready for its answer (or failed on the way); once. */
        void ready();
    }

    private static final Turn UNCOUNTED = () -> { };

    /** Null while the detection is off ({@code OVERLOAD_TARGET_MS=0}). */
    private final @Nullable SimpleLimiter<Void> turns;

    @Autowired
    OverloadDetector(ChatLimits limits) {
        this(Duration.ofMillis(limits.overloadTargetMs()), limits.maxConcurrentChats(), System::nanoTime);
    }

    /** @param most the cap at its largest, and where it starts: every chat the service answers at once */
    OverloadDetector(Duration target, int most, LongSupplier nanoClock) {
        this.turns = target.isZero() ? null : SimpleLimiter.newBuilder().named("chat-turns").nanoClock(nanoClock)
                .limit(WindowedLimit.newBuilder()
                        .minWindowTime(WINDOW.toNanos(), TimeUnit.NANOSECONDS)
                        .maxWindowTime(WINDOW.toNanos(), TimeUnit.NANOSECONDS)
                        .sampleWindowFactory(PercentileSampleWindowFactory.of(0.1, most))
                        .build(AIMDLimit.newBuilder().initialLimit(most).maxLimit(most).minLimit(Math.min(LEAST, most))
                                .backoffRatio(0.5).timeout(target.toNanos(), TimeUnit.NANOSECONDS).build()))
                .build();
    }

    /** Whether a new chat would be refused now: as many turns are on their way as the cap allows. */
    boolean overloaded() {
        return turns != null && turns.getInflight() >= turns.getLimit();
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

    /**
     * A turn on its way, counted against the cap. One that got past {@link OverloadFilter} just as the
     * cap was reached goes on uncounted: refusing it now, its body read and maybe its stream begun,
     * would cost more than answering it.
     */
    Turn started() {
        return turns == null ? UNCOUNTED : turns.acquire(null).<Turn>map(turn -> turn::onSuccess).orElse(UNCOUNTED);
    }

}
