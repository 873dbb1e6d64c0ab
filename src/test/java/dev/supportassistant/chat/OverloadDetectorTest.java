package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * CoDel's standing-queue test on the time turns take to be ready for their answer, on a clock the
 * test moves: turns overlap as they do under load, each started some time before it gets ready.
 */
class OverloadDetectorTest {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final long STEP_MILLIS = 10;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final OverloadDetector detector = new OverloadDetector(TARGET, now::get);
    /** Turns on their way, oldest first. */
    private final Deque<OverloadDetector.Turn> queue = new ArrayDeque<>();

    @Test
    void whenEveryTurnOfAWholeIntervalTookTheTargetWhileOthersWaitNewChatsAreRefused() {
        queueFor(TARGET.plus(OverloadDetector.INTERVAL));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL);

        assertThat(detector.overloaded()).isTrue();
        later(OverloadDetector.INTERVAL.toMillis() / 2);
        assertThat(detector.overloaded()).as("for the whole of the next interval").isTrue();
    }

    @Test
    void oneQuickTurnInTheIntervalMeansTheQueueStillDrains() {
        queueFor(TARGET.plus(OverloadDetector.INTERVAL));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL.minusMillis(50));
        detector.started().ready();
        later(50);

        assertThat(detector.overloaded()).isFalse();
    }

    @Test
    void aBurstDoesNotTripIt() {
        IntStream.range(0, 200).forEach(i -> queue.add(detector.started()));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL.multipliedBy(2));

        assertThat(detector.overloaded()).as("the burst's first turns were quick").isFalse();
    }

    @Test
    void refusingEndsWhenTurnsAreQuickAgain() {
        queueFor(TARGET.plus(OverloadDetector.INTERVAL));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL);
        assertThat(detector.overloaded()).isTrue();

        detector.started().ready();
        later(OverloadDetector.INTERVAL.toMillis());

        assertThat(detector.overloaded()).isFalse();
    }

    @Test
    void anIntervalInWhichNoTurnGotReadyKeepsRefusingWhileTurnsAreStuckOnTheirWay() {
        queueFor(TARGET.plus(OverloadDetector.INTERVAL));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL);
        assertThat(detector.overloaded()).isTrue();

        later(OverloadDetector.INTERVAL.toMillis() * 3);
        assertThat(detector.overloaded()).as("no turn got ready, many still on their way").isTrue();

        while (!queue.isEmpty()) {
            queue.poll().ready();
        }
        assertThat(detector.overloaded()).as("no queue left to drain").isFalse();
    }

    @Test
    void slowTurnsThatHaveAllEndedLeaveNoQueueToRefuseFor() {
        List<OverloadDetector.Turn> first = IntStream.range(0, 5).mapToObj(i -> detector.started()).toList();
        later(3_000);
        first.forEach(OverloadDetector.Turn::ready);
        later(OverloadDetector.INTERVAL.toMillis());

        assertThat(detector.overloaded()).as("the first turns after start-up waited for the model; then it is quiet")
                .isFalse();
    }

    @Test
    void aTurnThatFailsOnItsWayLeavesTheQueue() {
        queueFor(TARGET.plus(OverloadDetector.INTERVAL));
        oneReadyEveryStepFor(OverloadDetector.INTERVAL);
        while (!queue.isEmpty()) {
            queue.poll().ready();
        }

        assertThatThrownBy(() -> detector.timed(() -> {
            assertThat(detector.overloaded()).as("a turn on its way, the verdict standing").isTrue();
            throw new IllegalStateException("the embedding model is busy");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(detector.overloaded()).as("the failed turn is no longer on its way").isFalse();
    }

    @Test
    void aTargetOfZeroTurnsTheDetectionOff() {
        OverloadDetector off = new OverloadDetector(Duration.ZERO, now::get);
        OverloadDetector.Turn waiting = off.started();
        for (long t = 0; t <= OverloadDetector.INTERVAL.toMillis() * 2; t += STEP_MILLIS) {
            OverloadDetector.Turn turn = off.started();
            later(Duration.ofMinutes(1).toMillis());
            turn.ready();
        }

        assertThat(off.overloaded()).isFalse();
        waiting.ready();
    }

    @Test
    void aQuietServiceIsNotOverloaded() {
        assertThat(detector.overloaded()).isFalse();
        later(OverloadDetector.INTERVAL.toMillis() * 2);
        assertThat(detector.overloaded()).isFalse();
    }

    /**
     * Fills the queue so that its oldest turn has waited {@code wait}: one started every step. A
     * whole number of intervals, so that what follows starts with an interval.
     */
    private void queueFor(Duration wait) {
        for (long t = 0; t < wait.toMillis(); t += STEP_MILLIS) {
            queue.add(detector.started());
            later(STEP_MILLIS);
        }
    }

    /** For {@code period}, each step the oldest turn gets ready and a new one joins: the queue stands. */
    private void oneReadyEveryStepFor(Duration period) {
        for (long t = 0; t < period.toMillis(); t += STEP_MILLIS) {
            queue.poll().ready();
            queue.add(detector.started());
            later(STEP_MILLIS);
        }
    }

    private void later(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
