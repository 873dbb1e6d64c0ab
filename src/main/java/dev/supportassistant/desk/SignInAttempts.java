package dev.supportassistant.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Throttles password guessing at the desk's sign-in: an account name may fail
 * {@value #PER_NAME} times and a client {@value #PER_CLIENT} times in {@link #WINDOW}; beyond that,
 * every sign-in of that name, or from that client, right password or not, waits until the oldest
 * failure leaves the window (were the right password let through, the guess that finds it would
 * succeed). A success clears the name's failures. Counted in this instance's memory, in a bounded
 * map: a restart forgets, and {@value #MAX_KEYS} names and clients are remembered at most.
 */
final class SignInAttempts {

    static final int PER_NAME = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the name or client must wait before trying again; 0 when it may try now. */
    synchronized long waitSeconds(@Nullable String name, String client) {
        long now = clock.millis();
        return Math.max(wait("name:" + normalized(name), PER_NAME, now), wait("client:" + client, PER_CLIENT, now));
    }

    synchronized void failed(@Nullable String name, String client) {
        long now = clock.millis();
        failures.computeIfAbsent("name:" + normalized(name), key -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("client:" + client, key -> new ArrayDeque<>()).addLast(now);
    }

    synchronized void succeeded(String name) {
        failures.remove("name:" + normalized(name));
    }

    private long wait(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW.toMillis()) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        if (times.size() < limit) {
            return 0;
        }
        long until = times.peekFirst() + WINDOW.toMillis();
        return Math.max(1, (until - now + 999) / 1000);
    }

    private static String normalized(@Nullable String name) {
        return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
