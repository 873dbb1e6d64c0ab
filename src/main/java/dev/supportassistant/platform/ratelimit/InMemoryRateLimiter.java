package dev.supportassistant.platform.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rate limits held by this instance alone: right for the embedded H2 database's single instance,
 * and for counters that need not be shared (the security module's wrong admin keys).
 * The buckets are a map of at most {@code maxClients} entries: when a new client would pass that,
 * the least recently seen one is forgotten (its bucket starts full if it comes back). So memory
 * stays bounded however many addresses a flood comes from, and no request ever scans the map.
 *
 * <p>Not Bucket4j's local buckets, measured against these (bench/RESULTS.md, "Rate limits and
 * database turns"): the library has no bounded map, so this map and its lock would stay and its lock-free bucket would
 * buy nothing under them, while each remembered client took about four times the memory (about
 * 400 bytes against 93); its arithmetic is the same continuous refill as {@link RateLimiter}'s.
 */
public class InMemoryRateLimiter implements RateLimiter {

    /** A bucket's content at a moment, and whether its last request was let through. */
    private record Bucket(double tokens, long atMillis, boolean allowed) {
    }

    static final int MAX_CLIENTS = 100_000;

    private final Map<String, Bucket> buckets;

    public InMemoryRateLimiter() {
        this(MAX_CLIENTS);
    }

    InMemoryRateLimiter(int maxClients) {
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    @Override
    public synchronized long acquire(String key, int perMinute, long nowMillis) {
        Bucket current = buckets.get(key);
        double tokens = current == null ? perMinute
                : RateLimiter.refilled(current.tokens(), nowMillis - current.atMillis(), perMinute);
        Bucket bucket = tokens >= 1 ? new Bucket(tokens - 1, nowMillis, true) : new Bucket(tokens, nowMillis, false);
        buckets.put(key, bucket);
        return bucket.allowed() ? 0 : RateLimiter.secondsUntilOne(bucket.tokens(), perMinute);
    }

    /** Like {@link #acquire} without taking anything: 0 when a request would go ahead, else the seconds to wait. */
    public synchronized long waitSeconds(String key, int perMinute, long nowMillis) {
        Bucket current = buckets.get(key);
        if (current == null) {
            return 0;
        }
        double tokens = RateLimiter.refilled(current.tokens(), nowMillis - current.atMillis(), perMinute);
        return tokens >= 1 ? 0 : RateLimiter.secondsUntilOne(tokens, perMinute);
    }

    synchronized int clients() {
        return buckets.size();
    }
}
