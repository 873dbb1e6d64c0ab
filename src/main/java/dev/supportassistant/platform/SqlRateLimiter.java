package dev.supportassistant.platform;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rate limits counted in PostgreSQL, so instances behind one load balancer share each client's
 * budget: one upsert per limited request. Old windows are swept now and then.
 */
class SqlRateLimiter implements RateLimiter {

    private final JdbcClient jdbc;

    SqlRateLimiter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long acquire(String key, int perMinute, long epochSecond) {
        long minute = epochSecond / 60;
        int count = jdbc.sql("""
                INSERT INTO rate_limit_windows (client_key, window_minute, hits) VALUES (:key, :minute, 1)
                ON CONFLICT (client_key, window_minute) DO UPDATE SET hits = rate_limit_windows.hits + 1
                RETURNING hits
                """)
                .param("key", key)
                .param("minute", minute)
                .query(Integer.class).single();
        if (count == 1 && Math.floorMod(key.hashCode() + minute, 50) == 0) {
            jdbc.sql("DELETE FROM rate_limit_windows WHERE window_minute < :minute").param("minute", minute).update();
        }
        return count <= perMinute ? 0 : 60 - epochSecond % 60;
    }
}
