package dev.supportassistant.platform.ratelimit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits kept in PostgreSQL, so instances behind one load balancer share each client's
 * buckets: one atomic upsert per limited request. Buckets idle for long are swept now and then.
 *
 * <p>Not Bucket4j's PostgreSQL backend, measured against this (bench/RESULTS.md, "Rate limits and
 * database turns"): both let exactly a client's budget through from two instances at once
 * ({@code SqlRateLimiterTest}), but Bucket4j takes a transaction of two statements and a commit per
 * request, and for a client it has not seen five statements, two commits and three connections,
 * where this takes one statement; its failures come as its own exception rather than Spring's
 * data-access ones, so a database outage would be answered 500 instead of 503; and it needs a table
 * and a sweep job of its own.
 */
class SqlRateLimiter implements RateLimiter {

    /** The bucket after this request, and whether the request was let through. */
    private record Result(double tokens, boolean allowed) {
    }

    private final JdbcClient jdbc;

    SqlRateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long acquire(String key, int perMinute, long nowMillis) {
        // refill = the stored tokens plus what flowed in since, capped at the limit (RateLimiter.refilled).
        String refill = "LEAST(:limit, b.tokens + GREATEST(0, :now - b.updated_ms) * :limit / 60000.0)";
        Result result = jdbc.sql("""
                INSERT INTO rate_limit_buckets AS b (client_key, tokens, updated_ms, allowed)
                VALUES (:key, :limit - 1, :now, TRUE)
                ON CONFLICT (client_key) DO UPDATE SET
                    tokens = CASE WHEN %1$s >= 1 THEN %1$s - 1 ELSE %1$s END,
                    allowed = %1$s >= 1,
                    updated_ms = :now
                RETURNING tokens, allowed
                """.formatted(refill))
                .param("key", key)
                .param("limit", (double) perMinute)
                .param("now", nowMillis)
                .query((rs, row) -> new Result(rs.getDouble("tokens"), rs.getBoolean("allowed")))
                .single();
        if (Math.floorMod(key.hashCode() ^ nowMillis, 500) == 0) {
            jdbc.sql("DELETE FROM rate_limit_buckets WHERE updated_ms < :idle")
                    .param("idle", nowMillis - 3_600_000).update();
        }
        return result.allowed() ? 0 : RateLimiter.secondsUntilOne(result.tokens(), perMinute);
    }
}
