package dev.supportassistant.platform;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Rate limits held by this instance alone: right for the embedded H2 database's single instance. */
class InMemoryRateLimiter implements RateLimiter {

    /** A bucket's content at a moment, and whether its last request was let through. */
    private record Bucket(double tokens, long atMillis, boolean allowed) {
    }

    private static final int MAX_BUCKETS = 100_000;

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public long acquire(String key, int perMinute, long nowMillis) {
        Bucket bucket = buckets.compute(key, (k, current) -> {
            double tokens = current == null ? perMinute
                    : RateLimiter.refilled(current.tokens(), nowMillis - current.atMillis(), perMinute);
            return tokens >= 1 ? new Bucket(tokens - 1, nowMillis, true) : new Bucket(tokens, nowMillis, false);
        });
        if (buckets.size() > MAX_BUCKETS) {
            // Buckets idle for a minute are full again: forgetting them changes nothing.
            buckets.values().removeIf(idle -> nowMillis - idle.atMillis() > 60_000);
        }
        return bucket.allowed() ? 0 : RateLimiter.secondsUntilOne(bucket.tokens(), perMinute);
    }
}
