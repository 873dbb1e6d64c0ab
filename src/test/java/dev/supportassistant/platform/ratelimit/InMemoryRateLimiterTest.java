package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-memory buckets are a bounded map that forgets the least recently seen client first. */
class InMemoryRateLimiterTest {

    private static final long NOW = 1_000_000;

    @Test
    void theMapNeverHoldsMoreClientsThanItsCap() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(1_000);

        for (int client = 0; client < 50_000; client++) {
            limiter.acquire("ip:" + client, 10, NOW);
        }

        assertThat(limiter.clients()).isEqualTo(1_000);
    }

    @Test
    void theLeastRecentlySeenClientIsForgottenFirst() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(2);
        limiter.acquire("old", 1, NOW);
        limiter.acquire("busy", 1, NOW);
        assertThat(limiter.acquire("busy", 1, NOW)).isPositive();

        // "busy" was seen after "old": a new client pushes "old" out and keeps "busy" limited.
        limiter.acquire("new", 1, NOW);

        assertThat(limiter.acquire("busy", 1, NOW)).isPositive();
        assertThat(limiter.acquire("old", 1, NOW)).isZero();
        assertThat(limiter.clients()).isEqualTo(2);
    }

    @Test
    void waitSecondsTakesNothing() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(10);
        limiter.acquire("client", 2, NOW);

        assertThat(limiter.waitSeconds("client", 2, NOW)).isZero();
        assertThat(limiter.waitSeconds("client", 2, NOW)).isZero();
        assertThat(limiter.acquire("client", 2, NOW)).isZero();
        assertThat(limiter.waitSeconds("client", 2, NOW)).isPositive();
        assertThat(limiter.waitSeconds("stranger", 2, NOW)).isZero();
    }
}
