package dev.supportassistant.desk;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.ratelimit.RateLimiter;

/**
 * Throttles password guessing at the desk's sign-in: one client may fail {@value #PER_NAME} times
 * in a row for one name, and {@value #PER_CLIENT} times in all; then it gets another try as its
 * budget refills over {@link #WINDOW} (one a minute per name, one every 15 s in all), and every
 * sign-in beyond, right password or not, waits (were the right password let through, the guess that
 * finds it would succeed). Counting a name per client, not across clients, means a stranger's wrong
 * guesses never lock its owner out, who signs in from elsewhere.
 *
 * <p>An attempt is {@linkplain #reserve reserved} before its password is checked, as a failure that
 * a success takes back: sent all at once, sixty guesses still get only {@value #PER_NAME} password
 * checks. A success also forgives the name's failures from that client. The buckets are the
 * platform's {@link RateLimiter}'s: bounded in memory, or shared by every instance on PostgreSQL.
 */
final class SignInAttempts {

    static final int PER_NAME = 5;
    static final int PER_CLIENT = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final RateLimiter.Budget BY_NAME = new RateLimiter.Budget("sign-in-name", PER_NAME, WINDOW);
    private static final RateLimiter.Budget BY_CLIENT = new RateLimiter.Budget("sign-in", PER_CLIENT, WINDOW);

    /** A sign-in let through to its password check: counted as failed until {@link #succeeded} takes it back. */
    record Attempt(@Nullable String nameKey, String client) {
    }

    /** Either an attempt that may go on, or how many seconds to wait. */
    record Verdict(@Nullable Attempt attempt, long waitSeconds) {
    }

    private final RateLimiter limiter;

    SignInAttempts(RateLimiter limiter) {
        this.limiter = limiter;
    }

    /**
     * Reserves a sign-in of {@code name} from {@code client}, or says how long they must wait.
     *
     * @param name the name as typed, or null for one no account can have (counted against the client only)
     */
    Verdict reserve(@Nullable String name, String client) {
        String nameKey = name == null ? null : name.strip().toLowerCase(Locale.ROOT) + " from " + client;
        long wait = nameKey == null ? 0 : limiter.acquire(nameKey, BY_NAME);
        if (wait == 0) {
            wait = limiter.acquire(client, BY_CLIENT);
            if (wait > 0 && nameKey != null) {
                limiter.giveBack(nameKey, BY_NAME);
            }
        }
        return wait > 0 ? new Verdict(null, wait) : new Verdict(new Attempt(nameKey, client), 0);
    }

    /** The attempt found the right password: it was no failure, and the name's failures from its client are forgiven. */
    void succeeded(Attempt attempt) {
        if (attempt.nameKey() != null) {
            limiter.forgive(attempt.nameKey(), BY_NAME);
        }
        limiter.giveBack(attempt.client(), BY_CLIENT);
    }
}
