package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.supportassistant.EmbeddedPostgres;

/**
 * Two instances sharing budgets on one real PostgreSQL (Bucket4j's table, created by the service's
 * migrations), each with a pool of its own, called from many threads at once: together they let
 * through exactly a client's budget, never more. A database that fails is one of Spring's
 * data-access failures, which the error mapping answers 503.
 */
class SharedRateLimitsIT {

    private static final int THREADS = 16;
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final RateLimiter.Budget THIRTY_A_MINUTE = new RateLimiter.Budget("chat", 30, Duration.ofMinutes(1));

    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        String url = EmbeddedPostgres.newJdbcUrl("shared_limits_" + System.nanoTime());
        first = pool(url);
        second = pool(url);
        Flyway.configure().dataSource(first).load().migrate();
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    @Test
    void manyRequestsAtOnceFromTwoInstancesGetExactlyTheBudgetThrough() throws Exception {
        List<Long> answers = hammer(List.of("ip:203.0.113.1"), 10, THIRTY_A_MINUTE);

        assertThat(answers).filteredOn(wait -> wait == 0).hasSize(30);
        // Every refusal says when the next request would pass: one refills every 2 s at 30 a minute.
        assertThat(answers).filteredOn(wait -> wait > 0).hasSize(THREADS * 10 - 30).containsOnly(2L);
    }

    @Test
    void aNewClientSeenByBothInstancesAtOnceGetsOneBucket() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int client = 0; client < 20; client++) {
            keys.add("ip:198.51.100." + client);
        }
        List<Long> answers = hammer(keys, 1, new RateLimiter.Budget("token", 1, Duration.ofMinutes(1)));

        // 20 new clients, each asked for by all 16 threads at once: one request each got through.
        assertThat(answers).filteredOn(wait -> wait == 0).hasSize(20);
    }

    @Test
    void whatOneInstanceSpentTheOtherSeesAndBothSeeItRefill() {
        MovingClock clock = new MovingClock();
        RateLimiter one = RateLimiter.onPostgres(first, clock);
        RateLimiter other = RateLimiter.onPostgres(second, clock);
        RateLimiter.Budget twoAMinute = new RateLimiter.Budget("media", 2, Duration.ofMinutes(1));
        assertThat(one.acquire("user:grace", twoAMinute)).isZero();
        assertThat(other.acquire("user:grace", twoAMinute)).isZero();

        assertThat(one.acquire("user:grace", twoAMinute)).isEqualTo(30);
        clock.now = NOW.plusSeconds(29);
        assertThat(other.acquire("user:grace", twoAMinute)).isEqualTo(1);
        clock.now = NOW.plusSeconds(30);
        assertThat(one.acquire("user:grace", twoAMinute)).isZero();
        assertThat(other.acquire("user:grace", twoAMinute)).isPositive();
        other.giveBack("user:grace", twoAMinute);
        assertThat(one.acquire("user:grace", twoAMinute)).isZero();
    }

    @Test
    void aDatabaseThatFailsIsADataAccessFailureWhichTheErrorMappingAnswers503() {
        DataSource busy = new DelegatingDataSource(first) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLTransientConnectionException("Connection is not available, request timed out after 1000ms");
            }
        };
        DataSource gone = new DelegatingDataSource(first) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection to localhost:5432 refused", "08001");
            }
        };

        assertThatThrownBy(() -> RateLimiter.onPostgres(busy, Clock.systemUTC()).acquire("ip:x", THIRTY_A_MINUTE))
                .isInstanceOf(TransientDataAccessException.class);
        assertThatThrownBy(() -> RateLimiter.onPostgres(gone, Clock.systemUTC()).waitSeconds("ip:x", THIRTY_A_MINUTE))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        volatile Instant now = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * {@value #THREADS} threads, half on each instance, released together; each asks {@code times}
     * times for every key. Returns every answer. The clock stands still, so nothing refills meanwhile.
     */
    private static List<Long> hammer(List<String> keys, int times, RateLimiter.Budget budget) throws Exception {
        RateLimiter one = RateLimiter.onPostgres(first, Clock.fixed(NOW, ZoneOffset.UTC));
        RateLimiter other = RateLimiter.onPostgres(second, Clock.fixed(NOW, ZoneOffset.UTC));
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> calls = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                RateLimiter limiter = thread % 2 == 0 ? one : other;
                calls.add(threads.submit(() -> {
                    start.await();
                    List<Long> answers = new ArrayList<>();
                    for (int i = 0; i < times; i++) {
                        for (String key : keys) {
                            answers.add(limiter.acquire(key, budget));
                        }
                    }
                    return answers;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> call : calls) {
                all.addAll(call.get());
            }
            return all;
        } finally {
            threads.shutdownNow();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(THREADS / 2);
        return pool;
    }
}
