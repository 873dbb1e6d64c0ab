package dev.supportassistant.platform.security;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bucket;

/**
 * Throttles guessing of {@code ADMIN_API_KEY}: a client (an address, an IPv6 client by its /64) may
 * present a wrong key {@value #FAILURES_PER_MINUTE} times a minute. Beyond that every attempt of
 * that client with an admin key, right or wrong, is refused with 429 until its budget refills:
 * were the right key still let through, the guess that finds it would succeed. A Bucket4j token
 * bucket per client, in this instance's memory: a map of at most {@value #MAX_CLIENTS} clients that
 * forgets the least recently seen, so a flood from many addresses cannot exhaust memory.
 */
@Component
class AdminKeyAttempts {

    static final int FAILURES_PER_MINUTE = 10;
    static final int MAX_CLIENTS = 100_000;

    private final Map<String, Bucket> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** The whole seconds until the client may try a key again: 0 when it may now. */
    long waitSeconds(String client) {
        Bucket bucket;
        synchronized (failures) {
            bucket = failures.get(client);
        }
        if (bucket == null) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return nanos == 0 ? 0 : Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }

    /** Counts a wrong key against the client. */
    void failed(String client) {
        Bucket bucket;
        synchronized (failures) {
            bucket = failures.computeIfAbsent(client, newClient -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(FAILURES_PER_MINUTE)
                            .refillGreedy(FAILURES_PER_MINUTE, Duration.ofMinutes(1)))
                    .build());
        }
        bucket.tryConsume(1);
    }
}
