package dev.supportassistant.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Throttles password guessing at the desk's sign-in: one client may fail {@value #PER_NAME} times
 * for one name, and {@value #PER_CLIENT} times in all, in {@link #WINDOW}; beyond that, every
 * sign-in of that name from that client, or from that client at all, right password or not, waits
 * until the oldest failure leaves the window (were the right password let through, the guess that
 * finds it would succeed). Counting a name per client, not across clients, means a stranger's
 * wrong guesses never lock its owner out, who signs in from elsewhere.
 *
 * <p>An attempt is {@linkplain #reserve reserved} before its password is checked, as a failure
 * that a success takes back: sent all at once, sixty guesses still get only {@value #PER_NAME}
 * password checks. A success clears the name's failures from that client. Counted in this
 * instance's memory, in a bounded map of bounded keys (names longer than any account's are refused
 * before they get here): a restart forgets, and {@value #MAX_KEYS} keys are remembered at most.
 */
final class SignInAttempts {

    static final int PER_NAME = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    static final int MAX_KEYS = 10_000;

    /** A sign-in let through to its password check: counted as failed until {@link #succeeded} takes it back. */
    static final class Attempt {
        private final @Nullable String nameKey;
        private final String clientKey;
        private final long at;

        private Attempt(@Nullable String nameKey, String clientKey, long at) {
            this.nameKey = nameKey;
            this.clientKey = clientKey;
            this.at = at;
        }
    }

    /** Either an attempt that may go on, or how many seconds to wait. */
    record Verdict(@Nullable Attempt attempt, long waitSeconds) {
    }

    private final Clock clock;
    private final Map<String, Deque<Attempt>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Attempt>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SignInAttempts(Clock clock) {
        this.clock = clock;
    }

    /**
     * Reserves a sign-in of {@code name} from {@code client}, or says how long they must wait.
     *
     * @param name the name as typed, or null for one no account can have (counted against the client only)
     */
    synchronized Verdict reserve(@Nullable String name, String client) {
        long now = clock.millis();
        String nameKey = name == null ? null : "name:" + name.strip().toLowerCase(Locale.ROOT) + " from " + client;
        String clientKey = "client:" + client;
        long wait = Math.max(nameKey == null ? 0 : wait(nameKey, PER_NAME, now), wait(clientKey, PER_CLIENT, now));
        if (wait > 0) {
            return new Verdict(null, wait);
        }
        Attempt attempt = new Attempt(nameKey, clientKey, now);
        if (nameKey != null) {
            failures.computeIfAbsent(nameKey, key -> new ArrayDeque<>()).addLast(attempt);
        }
        failures.computeIfAbsent(clientKey, key -> new ArrayDeque<>()).addLast(attempt);
        return new Verdict(attempt, 0);
    }

    /** The attempt found the right password: it was no failure, and the name's failures from its client are forgiven. */
    synchronized void succeeded(Attempt attempt) {
        if (attempt.nameKey != null) {
            failures.remove(attempt.nameKey);
        }
        Deque<Attempt> client = failures.get(attempt.clientKey);
        if (client != null) {
            client.removeIf(reserved -> reserved == attempt);
        }
    }

    private long wait(String key, int limit, long now) {
        Deque<Attempt> attempts = failures.get(key);
        if (attempts == null) {
            return 0;
        }
        while (!attempts.isEmpty() && attempts.peekFirst().at <= now - WINDOW.toMillis()) {
            attempts.removeFirst();
        }
        if (attempts.isEmpty()) {
            failures.remove(key);
            return 0;
        }
        if (attempts.size() < limit) {
            return 0;
        }
        long until = attempts.peekFirst().at + WINDOW.toMillis();
        return Math.max(1, (until - now + 999) / 1000);
    }
}
