package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.supportassistant.EmbeddedPostgres;

/**
 * Two instances sharing budgets on one real PostgreSQL, each with a pool of its own, called from
 * many threads at once: together they let through exactly a client's budget, never more. The
 * same checks run against Bucket4j's PostgreSQL backend ({@link Bucket4jPeers}), the library this
 * limiter was measured against.
 */
class SqlRateLimiterIT {

    private static final int THREADS = 16;
    private static final long NOW = 1_700_000_000_000L;

    private static HikariDataSource first;
    private static HikariDataSource second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() throws Exception {
        String url = EmbeddedPostgres.newJdbcUrl("shared_limits_" + System.nanoTime());
        first = pool(url);
        second = pool(url);
        Flyway.configure().dataSource(first).load().migrate();
        Bucket4jPeers.createTable(first);
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    static Stream<Arguments> limiters() {
        Function<DataSource, RateLimiter> ours = dataSource -> new SqlRateLimiter(JdbcClient.create(dataSource));
        Function<DataSource, RateLimiter> bucket4j = Bucket4jPeers::onPostgres;
        return Stream.of(Arguments.of(Named.of("one upsert (ours)", ours)),
                Arguments.of(Named.of("Bucket4j, select for update", bucket4j)));
    }

    @ParameterizedTest
    @MethodSource("limiters")
    void manyRequestsAtOnceFromTwoInstancesGetExactlyTheBudgetThrough(Function<DataSource, RateLimiter> limiter)
            throws Exception {
        String key = "chat:ip:203.0.113.1:" + limiter.hashCode();
        List<Long> answers = hammer(limiter.apply(first), limiter.apply(second), List.of(key), 10, 30);

        assertThat(answers).filteredOn(wait -> wait == 0).hasSize(30);
        // Every refusal says when the next request would pass: one refills every 2 s at 30 a minute.
        assertThat(answers).filteredOn(wait -> wait > 0).hasSize(THREADS * 10 - 30).containsOnly(2L);
    }

    @ParameterizedTest
    @MethodSource("limiters")
    void aNewClientSeenByBothInstancesAtOnceGetsOneBucket(Function<DataSource, RateLimiter> limiter) throws Exception {
        List<String> keys = new ArrayList<>();
        for (int client = 0; client < 20; client++) {
            keys.add("token:ip:198.51.100." + client + ":" + limiter.hashCode());
        }
        List<Long> answers = hammer(limiter.apply(first), limiter.apply(second), keys, 1, 1);

        // 20 new clients, each asked for by all 16 threads at once: one request each got through.
        assertThat(answers).filteredOn(wait -> wait == 0).hasSize(20);
    }

    @ParameterizedTest
    @MethodSource("limiters")
    void whatOneInstanceSpentTheOtherSeesAndBothSeeItRefill(Function<DataSource, RateLimiter> limiter) {
        RateLimiter one = limiter.apply(first);
        RateLimiter other = limiter.apply(second);
        String key = "media:user:grace:" + limiter.hashCode();
        assertThat(one.acquire(key, 2, NOW)).isZero();
        assertThat(other.acquire(key, 2, NOW)).isZero();

        assertThat(one.acquire(key, 2, NOW)).isEqualTo(30);
        assertThat(other.acquire(key, 2, NOW + 29_000)).isEqualTo(1);
        assertThat(one.acquire(key, 2, NOW + 30_000)).isZero();
        assertThat(other.acquire(key, 2, NOW + 30_000)).isPositive();
    }

    @Test
    void aDatabaseThatRefusesIsADataAccessFailureWhichTheErrorMappingAnswers503() {
        DataSource refusing = new DelegatingDataSource(first) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLTransientConnectionException("The database is too busy: 2000 others are already waiting");
            }
        };

        assertThatThrownBy(() -> new SqlRateLimiter(JdbcClient.create(refusing)).acquire("chat:ip:x", 30, NOW))
                .isInstanceOf(DataAccessResourceFailureException.class);
        // Bucket4j's own exception is none of Spring's data-access failures: it would be answered 500.
        assertThatThrownBy(() -> Bucket4jPeers.onPostgres(refusing).acquire("chat:ip:x", 30, NOW))
                .isNotInstanceOf(DataAccessException.class).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
    }

    /**
     * {@value #THREADS} threads, half on each instance, released together; each asks {@code times}
     * times for every key. Returns every answer.
     */
    private static List<Long> hammer(RateLimiter one, RateLimiter other, List<String> keys, int times, int perMinute)
            throws Exception {
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
                            answers.add(limiter.acquire(key, perMinute, NOW));
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
