package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInAttemptsTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final SignInAttempts attempts = new SignInAttempts(clock);

    @Test
    void aNameIsHeldBackAfterFiveFailuresUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            assertThat(attempts.waitSeconds("bob", "ip:a" + i)).isZero();
            attempts.failed("bob", "ip:a" + i);
            clock.now = clock.now.plusSeconds(10);
        }

        assertThat(attempts.waitSeconds("BOB ", "ip:elsewhere")).isEqualTo(SignInAttempts.WINDOW.toSeconds() - 50);
        assertThat(attempts.waitSeconds("alice", "ip:elsewhere")).isZero();
        clock.now = clock.now.plus(SignInAttempts.WINDOW).minusSeconds(50);
        assertThat(attempts.waitSeconds("bob", "ip:elsewhere")).isZero();
    }

    @Test
    void aClientGuessingManyNamesIsHeldBack() {
        for (int i = 0; i < SignInAttempts.PER_CLIENT; i++) {
            attempts.failed("name" + i, "ip:guesser");
        }

        assertThat(attempts.waitSeconds("someone-new", "ip:guesser")).isPositive();
        assertThat(attempts.waitSeconds("someone-new", "ip:other")).isZero();
    }

    @Test
    void aSuccessForgivesTheNamesFailures() {
        for (int i = 0; i < SignInAttempts.PER_NAME - 1; i++) {
            attempts.failed("bob", "ip:a");
        }
        attempts.succeeded("bob");
        attempts.failed("bob", "ip:a");

        assertThat(attempts.waitSeconds("bob", "ip:a")).isZero();
        assertThat(Duration.ofSeconds(attempts.waitSeconds("bob", "ip:a"))).isZero();
    }
}
