package dev.supportassistant.platform;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.ratelimit.InMemoryRateLimiter;

/**
 * Throttles guessing of {@code ADMIN_API_KEY}: a client (an address, an IPv6 client by its /64) may
 * present a wrong key {@value #FAILURES_PER_MINUTE} times a minute. Beyond that every attempt of
 * that client with an admin key, right or wrong, is refused with 429 until its budget refills:
 * were the right key still let through, the guess that finds it would succeed. Counted in this
 * instance's memory; a bounded map, like the rate limits on the embedded database.
 */
@Component
class AdminKeyAttempts {

    static final int FAILURES_PER_MINUTE = 10;

    private final InMemoryRateLimiter failures = new InMemoryRateLimiter();
    private final Clock clock = Clock.systemUTC();

    /** The refusal for a client that failed too often lately, or null when it may try. */
    ErrorResponseException refusal(String client) {
        long wait = failures.waitSeconds(client, FAILURES_PER_MINUTE, clock.millis());
        return wait == 0 ? null : tooMany(wait);
    }

    static ErrorResponseException tooMany(long wait) {
        ErrorResponseException tooMany = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS,
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, "Too many failed attempts with an "
                        + "admin API key from this client; try again in " + wait + " seconds"), null);
        tooMany.getHeaders().set("Retry-After", Long.toString(wait));
        return tooMany;
    }

    void failed(String client) {
        failures.acquire(client, FAILURES_PER_MINUTE, clock.millis());
    }
}
