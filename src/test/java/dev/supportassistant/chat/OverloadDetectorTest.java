package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** CoDel's standing-queue test on a turn's own time, on a clock the test moves. */
class OverloadDetectorTest {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final long SLOW = TARGET.plusMillis(200).toNanos();
    private static final long QUICK = Duration.ofMillis(30).toNanos();

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final OverloadDetector detector = new OverloadDetector(TARGET, now::get);

    @Test
    void aWholeIntervalOfSlowTurnsMeansOverloadedForTheNextInterval() {
        slowTurnsForAnInterval();

        assertThat(detector.overloaded()).isTrue();
        later(OverloadDetector.INTERVAL.toMillis() / 2);
        assertThat(detector.overloaded()).as("for the whole of the next interval").isTrue();
    }

    @Test
    void oneQuickTurnInTheIntervalMeansTheQueueStillDrains() {
        for (int i = 0; i < 10; i++) {
            detector.turnTookOfItsOwn(SLOW);
            later(10);
        }
        detector.turnTookOfItsOwn(QUICK);
        later(OverloadDetector.INTERVAL.toMillis());

        assertThat(detector.overloaded()).isFalse();
    }

    @Test
    void refusingEndsWhenTheTurnsStillInFlightGetQuickAgain() {
        slowTurnsForAnInterval();
        assertThat(detector.overloaded()).isTrue();

        detector.turnTookOfItsOwn(QUICK);
        later(OverloadDetector.INTERVAL.toMillis());

        assertThat(detector.overloaded()).isFalse();
    }

    @Test
    void anIntervalWithoutTurnsIsNoEvidenceOfOverload() {
        slowTurnsForAnInterval();
        assertThat(detector.overloaded()).isTrue();

        later(OverloadDetector.INTERVAL.toMillis() * 3);

        assertThat(detector.overloaded()).as("refusing cannot outlast the queue it drains").isFalse();
    }

    @Test
    void aTargetOfZeroTurnsTheDetectionOff() {
        OverloadDetector off = new OverloadDetector(Duration.ZERO, now::get);
        for (int i = 0; i <= OverloadDetector.INTERVAL.toMillis() / 10; i++) {
            off.turnTookOfItsOwn(Duration.ofMinutes(1).toNanos());
            later(10);
        }

        assertThat(off.overloaded()).isFalse();
    }

    @Test
    void aQuietServiceIsNotOverloaded() {
        assertThat(detector.overloaded()).isFalse();
        later(OverloadDetector.INTERVAL.toMillis() * 2);
        assertThat(detector.overloaded()).isFalse();
    }

    private void slowTurnsForAnInterval() {
        long steps = OverloadDetector.INTERVAL.toMillis() / 10 + 1;
        for (int i = 0; i < steps; i++) {
            detector.turnTookOfItsOwn(SLOW);
            later(10);
        }
    }

    private void later(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }
}
