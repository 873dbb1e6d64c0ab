package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The buckets in memory: a budget's arithmetic, and a map that a flood of clients cannot grow. */
class RateLimiterTest {

    private static final RateLimiter.Budget TWO_A_MINUTE = new RateLimiter.Budget("test", 2, Duration.ofMinutes(1));

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void aFloodOfClientsNeverGrowsTheMapBeyondItsCap() {
        RateLimiter limiter = RateLimiter.inMemory(clock, 1_000);

        for (int client = 0; client < 20_000; client++) {
            limiter.acquire("ip:" + client, TWO_A_MINUTE);
        }

        assertThat(limiter.bucketsInMemory()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void aBucketThatHasRefilledIsForgottenForItWouldStartFullAnyway() {
        RateLimiter limiter = RateLimiter.inMemory(clock);
        limiter.acquire("busy", TWO_A_MINUTE);
        limiter.acquire("busy", TWO_A_MINUTE);
        limiter.acquire("quiet", TWO_A_MINUTE);
        assertThat(limiter.bucketsInMemory()).isEqualTo(2);

        // At two a minute the bucket that gave one is full again after 30 s, the emptied one after 60 s.
        clock.now = clock.now.plusSeconds(31);

        assertThat(limiter.bucketsInMemory()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(30);
        assertThat(limiter.bucketsInMemory()).isZero();
    }

    @Test
    void aClientMayBurstUpToTheCapacityAndIsThenToldWhenTheNextOneRefills() {
        RateLimiter limiter = RateLimiter.inMemory(clock);

        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isEqualTo(30);
        clock.now = clock.now.plusSeconds(29);
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isEqualTo(1);
        clock.now = clock.now.plusSeconds(1);
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("other", TWO_A_MINUTE)).isZero();
    }

    @Test
    void waitSecondsTakesNothing() {
        RateLimiter limiter = RateLimiter.inMemory(clock);
        limiter.acquire("client", TWO_A_MINUTE);

        assertThat(limiter.waitSeconds("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.waitSeconds("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.waitSeconds("client", TWO_A_MINUTE)).isPositive();
        assertThat(limiter.waitSeconds("stranger", TWO_A_MINUTE)).isZero();
    }

    @Test
    void oneGivenBackMayBeTakenAgainAndAForgivenBucketIsFull() {
        RateLimiter limiter = RateLimiter.inMemory(clock);
        limiter.acquire("client", TWO_A_MINUTE);
        limiter.acquire("client", TWO_A_MINUTE);

        limiter.giveBack("client", TWO_A_MINUTE);
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isPositive();

        limiter.forgive("client", TWO_A_MINUTE);
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
        assertThat(limiter.acquire("client", TWO_A_MINUTE)).isZero();
    }

    @Test
    void budgetsOfAnotherNameOrShapeAreBucketsOfTheirOwn() {
        RateLimiter limiter = RateLimiter.inMemory(clock);
        limiter.acquire("client", TWO_A_MINUTE);
        limiter.acquire("client", TWO_A_MINUTE);

        assertThat(limiter.acquire("client", new RateLimiter.Budget("other", 2, Duration.ofMinutes(1)))).isZero();
        // A changed setting starts afresh rather than keeping the old bucket's shape.
        assertThat(limiter.acquire("client", new RateLimiter.Budget("test", 3, Duration.ofMinutes(1)))).isZero();
    }
}
