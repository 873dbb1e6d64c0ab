package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.supportassistant.platform.ratelimit.RateLimiter;

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
    private final SignInAttempts attempts = new SignInAttempts(RateLimiter.inMemory(clock));

    /** A sign-in that went on to its password check, which failed. */
    private void fails(String name, String client) {
        assertThat(attempts.reserve(name, client).attempt()).as("let through").isNotNull();
    }

    @Test
    void aNameIsHeldBackFromOneClientAfterFiveFailuresUntilItsBudgetRefills() {
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            fails("bob", "ip:a");
            clock.now = clock.now.plusSeconds(10);
        }

        // Five in five minutes refill one a minute: 50 s of it have passed since the first failure.
        long wait = attempts.reserve("BOB ", "ip:a").waitSeconds();
        assertThat(wait).isEqualTo(10);
        assertThat(attempts.reserve("alice", "ip:a").waitSeconds()).isZero();
        clock.now = clock.now.plusSeconds(wait);
        fails("bob", "ip:a");
        assertThat(attempts.reserve("bob", "ip:a").waitSeconds()).isEqualTo(60);
    }

    @Test
    void anotherClientMaySignInWithANameAStrangerGuessedAt() {
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            fails("bob", "ip:stranger");
        }

        assertThat(attempts.reserve("bob", "ip:stranger").waitSeconds()).isPositive();
        assertThat(attempts.reserve("bob", "ip:bobs-office").attempt()).isNotNull();
    }

    @Test
    void aClientGuessingManyNamesIsHeldBack() {
        for (int i = 0; i < SignInAttempts.PER_CLIENT; i++) {
            fails("name" + i, "ip:guesser");
        }

        assertThat(attempts.reserve("someone-new", "ip:guesser").waitSeconds()).isPositive();
        assertThat(attempts.reserve("someone-new", "ip:other").waitSeconds()).isZero();
    }

    @Test
    void attemptsAreCountedWhenTheyAreLetThroughNotWhenTheyFail() {
        // None of them has had its password checked yet: still, the sixth waits.
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            assertThat(attempts.reserve("bob", "ip:a").attempt()).isNotNull();
        }

        assertThat(attempts.reserve("bob", "ip:a").waitSeconds()).isPositive();
    }

    @Test
    void aSuccessForgivesTheNamesFailuresAndIsNoFailureOfTheClient() {
        for (int i = 0; i < SignInAttempts.PER_NAME - 1; i++) {
            fails("bob", "ip:a");
        }
        attempts.succeeded(attempts.reserve("bob", "ip:a").attempt());
        fails("bob", "ip:a");

        assertThat(attempts.reserve("bob", "ip:a").waitSeconds()).isZero();
        for (int i = 0; i < 2 * SignInAttempts.PER_CLIENT; i++) {
            attempts.succeeded(attempts.reserve("carol", "ip:b").attempt());
        }
        assertThat(attempts.reserve("carol", "ip:b").waitSeconds()).isZero();
    }

    @Test
    void aNameNoAccountCanHaveCountsAgainstTheClientOnly() {
        for (int i = 0; i < SignInAttempts.PER_CLIENT; i++) {
            assertThat(attempts.reserve(null, "ip:c").attempt()).isNotNull();
        }

        assertThat(attempts.reserve("dave", "ip:c").waitSeconds()).isPositive();
    }
}
