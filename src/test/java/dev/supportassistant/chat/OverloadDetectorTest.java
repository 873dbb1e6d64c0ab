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
 * The cap on turns on their way to their answer, on a clock the test moves: turns overlap as they do
 * under load, each started some time before it gets ready; a new one is started only while the
 * detector lets chats in, as {@link OverloadFilter} does.
 */
class OverloadDetectorTest {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final int MOST = 200;
    private static final long STEP_MILLIS = 10;

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final OverloadDetector detector = new OverloadDetector(TARGET, MOST, now::get);
    /** Turns on their way, oldest first. */
    private final Deque<OverloadDetector.Turn> queue = new ArrayDeque<>();

    @Test
    void whenEvenTheQuickestTurnsOfAQuarterSecondTookTheTargetTheCapHalvesAndNewChatsAreRefused() {
        standingQueue();

        assertThat(detector.overloaded()).isTrue();
        later(OverloadDetector.WINDOW.toMillis() / 2);
        assertThat(detector.overloaded()).as("while the queue stands").isTrue();
    }

    @Test
    void aBurstWithinTheCapIsLetInAndDoesNotTripIt() {
        IntStream.range(0, MOST - 1).forEach(i -> queue.add(detector.started()));
        for (long t = 0; t < OverloadDetector.WINDOW.multipliedBy(2).toMillis(); t += STEP_MILLIS) {
            queue.poll().ready();
            later(STEP_MILLIS);
        }

        assertThat(detector.overloaded()).as("the burst's turns were quick").isFalse();
    }

    @Test
    void chatsAreLetInAgainAtOnceWhenTheQueueHasDrainedAndTheCapNeverFallsBelowTheLeast() {
        standingQueue();

        while (!queue.isEmpty()) {
            queue.poll().ready();
        }

        assertThat(detector.overloaded()).isFalse();
        IntStream.range(0, OverloadDetector.LEAST).forEach(i -> queue.add(detector.started()));
        assertThat(queue).hasSize(OverloadDetector.LEAST);
    }

    @Test
    void turnsStuckOnTheirWayKeepItRefusingUntilTheyGetReady() {
        standingQueue();

        later(TARGET.toMillis() * 3);
        assertThat(detector.overloaded()).as("no turn got ready, as many as the cap still on their way").isTrue();

        while (!queue.isEmpty()) {
            queue.poll().ready();
        }
        assertThat(detector.overloaded()).as("no queue left").isFalse();
    }

    @Test
    void slowTurnsThatHaveAllEndedLeaveNothingToRefuseFor() {
        List<OverloadDetector.Turn> first = IntStream.range(0, 5).mapToObj(i -> detector.started()).toList();
        later(3_000);
        first.forEach(OverloadDetector.Turn::ready);
        later(OverloadDetector.WINDOW.toMillis());

        assertThat(detector.overloaded()).as("the first turns after start-up waited for the model; then it is quiet")
                .isFalse();
    }

    @Test
    void aTurnThatFailsOnItsWayGivesItsPlaceBack() {
        OverloadDetector small = new OverloadDetector(TARGET, OverloadDetector.LEAST, now::get);
        IntStream.range(0, OverloadDetector.LEAST - 1).forEach(i -> small.started());

        assertThatThrownBy(() -> small.timed(() -> {
            assertThat(small.overloaded()).as("as many on their way as the cap").isTrue();
            throw new IllegalStateException("the embedding model is busy");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(small.overloaded()).as("the failed turn is no longer on its way").isFalse();
    }

    @Test
    void aTargetOfZeroTurnsTheDetectionOff() {
        OverloadDetector off = new OverloadDetector(Duration.ZERO, OverloadDetector.LEAST, now::get);
        List<OverloadDetector.Turn> waiting = IntStream.range(0, OverloadDetector.LEAST * 2)
                .mapToObj(i -> off.started()).toList();
        later(Duration.ofMinutes(1).toMillis());

        assertThat(off.overloaded()).isFalse();
        waiting.forEach(OverloadDetector.Turn::ready);
    }

    @Test
    void aQuietServiceIsNotOverloaded() {
        assertThat(detector.overloaded()).isFalse();
        later(OverloadDetector.WINDOW.toMillis() * 8);
        assertThat(detector.overloaded()).isFalse();
    }

    /**
     * Turns queue for 1.1 s, then each step the oldest gets ready and, while chats are let in, a new
     * one joins, until chats are refused: every turn waits longer than the target, so the cap halves
     * every quarter second until it is below the turns on their way.
     */
    private void standingQueue() {
        for (long t = 0; t < TARGET.toMillis() + 100; t += STEP_MILLIS) {
            queue.add(detector.started());
            later(STEP_MILLIS);
        }
        for (int step = 0; !detector.overloaded(); step++) {
            assertThat(step).as("refusing within seconds").isLessThan(500);
            queue.poll().ready();
            if (!detector.overloaded()) {
                queue.add(detector.started());
            }
            later(STEP_MILLIS);
        }
    }

    private void later(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
