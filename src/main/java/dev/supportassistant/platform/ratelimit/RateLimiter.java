package dev.supportassistant.platform.ratelimit;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;

/**
 * Bucket4j's token buckets by key, for the API's budgets, wrong admin keys and desk sign-ins: on
 * PostgreSQL in its {@code bucket4j_buckets} table, so that instances share a client's buckets; on
 * the embedded database (one instance) in a bounded Caffeine map. A database failure comes out as
 * Spring's {@link DataAccessException}, answered 503 like every outage (bench/RESULTS.md, "Rate limits").
 */
public final class RateLimiter {

    /** A bucket's shape: up to {@code capacity} at once, refilled continuously over {@code period}. */
    public record Budget(String name, int capacity, Duration period) {
    }

    /** Buckets in memory at most; a full one is forgotten at once (it would start full again). */
    static final int MAX_KEYS_IN_MEMORY = 100_000;

    private static final SQLExceptionTranslator FAILURES = new SQLExceptionSubclassTranslator();

    private final ProxyManager<String> buckets;
    private final @Nullable ExpiredEntriesCleaner sweep;
    private final AtomicLong calls = new AtomicLong();

    private RateLimiter(ProxyManager<String> buckets) {
        this.buckets = buckets;
        this.sweep = buckets instanceof ExpiredEntriesCleaner cleaner ? cleaner : null;
    }

    /** Buckets in this instance's memory. */
    public static RateLimiter inMemory(Clock clock) {
        return inMemory(clock, MAX_KEYS_IN_MEMORY);
    }

    static RateLimiter inMemory(Clock clock, int maxKeys) {
        TimeMeter meter = meter(clock);
        // Caffeine's clock is the buckets' clock, so a bucket expires when it has refilled by their time.
        return new RateLimiter(Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(maxKeys)
                        .ticker(meter::currentTimeNanos))
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(meter).build());
    }

    /** Buckets in PostgreSQL's {@code bucket4j_buckets} table, shared by every instance on it. */
    public static RateLimiter onPostgres(DataSource dataSource, Clock clock) {
        return new RateLimiter(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("bucket4j_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .clientClock(meter(clock)).build());
    }

    /** Takes one from {@code key}'s bucket: 0 when it held one, else the whole seconds until it will (at least 1). */
    public long acquire(String key, Budget budget) {
        var probe = call(() -> bucket(key, budget).tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Like {@link #acquire} without taking anything. */
    public long waitSeconds(String key, Budget budget) {
        var probe = call(() -> bucket(key, budget).estimateAbilityToConsume(1));
        return probe.canBeConsumed() ? 0 : seconds(probe.getNanosToWaitForRefill());
    }

    /** Puts back one that {@link #acquire} took. */
    public void giveBack(String key, Budget budget) {
        call(() -> {
            bucket(key, budget).addTokens(1);
            return null;
        });
    }

    /** Fills {@code key}'s bucket again, as if it had never been used. */
    public void forgive(String key, Budget budget) {
        call(() -> {
            bucket(key, budget).reset();
            return null;
        });
    }

    /** How many buckets this instance holds in memory, after evicting what is due (for tests). */
    long bucketsInMemory() {
        var cache = ((CaffeineProxyManager<String>) buckets).getCache();
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private BucketProxy bucket(String key, Budget budget) {
        // The shape is part of the key: a changed setting starts new buckets instead of keeping the stored shape.
        return buckets.builder().build(budget.name() + "/" + budget.capacity() + "/" + budget.period().toSeconds()
                + ":" + key, () -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(budget.capacity())
                                .refillGreedy(budget.capacity(), budget.period()))
                        .build());
    }

    private <T> T call(Supplier<T> call) {
        try {
            T result = call.get();
            // Now and then, buckets that have refilled (so say nothing) leave the table.
            if (sweep != null && calls.incrementAndGet() % 500 == 0) {
                sweep.removeExpired(1000);
            }
            return result;
        } catch (BucketExceptions.BucketExecutionException failed) {
            if (failed.getCause() instanceof SQLException database) {
                DataAccessException translated = FAILURES.translate("Rate limit", null, database);
                throw translated != null ? translated : new DataAccessResourceFailureException("Rate limit", database);
            }
            throw failed;
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999) / 1_000_000_000);
    }

    private static TimeMeter meter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
