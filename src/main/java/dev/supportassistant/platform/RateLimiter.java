package dev.supportassistant.platform;

/** Counts a client's requests in fixed one-minute windows. */
interface RateLimiter {

    /**
     * Counts one request for {@code key} in the current minute.
     *
     * @return 0 when the request is within {@code perMinute}, otherwise the seconds until the
     *     window ends (for {@code Retry-After})
     */
    long acquire(String key, int perMinute, long epochSecond);
}
