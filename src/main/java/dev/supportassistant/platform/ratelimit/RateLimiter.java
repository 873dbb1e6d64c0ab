package dev.supportassistant.platform.ratelimit;

/**
 * Token buckets, one per client and limit: a bucket holds up to {@code perMinute} requests and
 * refills continuously at {@code perMinute} a minute, so a client may burst up to the limit and
 * then goes on at the limit's pace, with no window edge where the budget suddenly doubles.
 */
interface RateLimiter {

    /**
     * Takes one request from {@code key}'s bucket.
     *
     * @return 0 when the request may go ahead, otherwise the whole seconds until the bucket holds
     *     a request again (for {@code Retry-After})
     */
    long acquire(String key, int perMinute, long nowMillis);

    /** The wait, in whole seconds and at least one, until a bucket holding {@code tokens} has one. */
    static long secondsUntilOne(double tokens, int perMinute) {
        return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
    }

    /** A bucket's content after {@code elapsedMillis} of refilling, capped at the limit. */
    static double refilled(double tokens, long elapsedMillis, int perMinute) {
        return Math.min(perMinute, tokens + Math.max(0, elapsedMillis) * perMinute / 60_000.0);
    }
}
