package dev.supportassistant.platform.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Bucket4j (8.14, {@code bucket4j_jdk17-core} and {@code -postgresql}) behind our {@link RateLimiter}
 * interface: the library measured against our own buckets (bench/RESULTS.md, "Rate limits and
 * database turns"), with
 * the same bucket (capacity and refill of {@code perMinute} a minute, refilled greedily, that is
 * continuously) and the same time passed in, so tests and benchmarks can run both alike. Not
 * shipped: see {@link SqlRateLimiter} and {@link InMemoryRateLimiter} for why ours stay.
 */
final class Bucket4jPeers {

    private Bucket4jPeers() {
    }

    static BucketConfiguration perMinute(int perMinute) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    static long retryAfter(ConsumptionProbe probe) {
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
    }

    /**
     * Bucket4j's local (lock-free) buckets, kept in the same bounded, least-recently-used map as
     * ours: the library has no bounded map of its own in core, so the map's lock stays.
     */
    static RateLimiter inMemory(int maxClients) {
        return new RateLimiter() {
            private long now;
            private final TimeMeter clock = new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return now * 1_000_000;
                }

                @Override
                public boolean isWallClockBased() {
                    return true;
                }
            };
            private final Map<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > maxClients;
                }
            };

            @Override
            public synchronized long acquire(String key, int perMinute, long nowMillis) {
                now = nowMillis;
                Bucket bucket = buckets.computeIfAbsent(key, absent -> Bucket.builder()
                        .addLimit(perMinute(perMinute).getBandwidths()[0]).withCustomTimePrecision(clock).build());
                return retryAfter(bucket.tryConsumeAndReturnRemaining(1));
            }
        };
    }

    /** The table Bucket4j's PostgreSQL backend keeps its buckets in (serialized state, expiry for its sweep). */
    static void createTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bucket4j_buckets "
                    + "(id VARCHAR(300) PRIMARY KEY, state BYTEA, expires_at BIGINT)");
        }
    }

    /**
     * Bucket4j's PostgreSQL backend, its {@code SELECT ... FOR UPDATE} flavour (the advisory-lock one
     * takes the same round trips plus the lock's), with expiry so idle buckets can be swept as ours are.
     */
    static RateLimiter onPostgres(DataSource dataSource) {
        ThreadLocal<Long> now = new ThreadLocal<>();
        ProxyManager<String> buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("bucket4j_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofHours(1)))
                .clientClock(new TimeMeter() {
                    @Override
                    public long currentTimeNanos() {
                        return now.get() * 1_000_000;
                    }

                    @Override
                    public boolean isWallClockBased() {
                        return true;
                    }
                })
                .build();
        return (key, perMinute, nowMillis) -> {
            now.set(nowMillis);
            return retryAfter(buckets.builder().build(key, () -> perMinute(perMinute)).tryConsumeAndReturnRemaining(1));
        };
    }
}
