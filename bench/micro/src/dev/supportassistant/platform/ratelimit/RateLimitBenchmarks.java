package dev.supportassistant.platform.ratelimit;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * JMH: what one limited request costs, ours against Bucket4j ({@link Bucket4jPeers}), in memory and
 * on PostgreSQL (an embedded server on this machine, so a round trip costs what a local socket
 * costs; across a network every extra round trip Bucket4j takes costs more). Run with
 * {@code bench/micro/run.sh RateLimitBenchmarks} (add {@code -prof gc} for allocations).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RateLimitBenchmarks {

    private static final int CLIENTS = 200_000;

    /** Client keys made once, so the benchmarks time the limiter and not string building. */
    private static final String[] KEYS = new String[CLIENTS];

    static {
        for (int i = 0; i < CLIENTS; i++) {
            KEYS[i] = "chat:ip:10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
        }
    }

    /** The in-memory limiters, capped at 100,000 clients as the service's is. */
    @State(Scope.Benchmark)
    public static class InMemory {
        @Param({"ours", "bucket4j"})
        String implementation;
        RateLimiter limiter;
        final AtomicLong next = new AtomicLong();

        @Setup(Level.Trial)
        public void create() {
            limiter = "ours".equals(implementation) ? new InMemoryRateLimiter(InMemoryRateLimiter.MAX_CLIENTS)
                    : Bucket4jPeers.inMemory(InMemoryRateLimiter.MAX_CLIENTS);
        }
    }

    /** One client over its budget, asking again and again: mostly refusals, the flood's own case. */
    @Benchmark
    public long inMemoryOneBusyClient(InMemory state) {
        return state.limiter.acquire(KEYS[0], 30, System.currentTimeMillis());
    }

    /** 200,000 clients in turn against a map of 100,000: every request a new client and an eviction. */
    @Benchmark
    public long inMemoryEveryRequestANewClient(InMemory state) {
        return state.limiter.acquire(KEYS[(int) (state.next.getAndIncrement() % CLIENTS)], 30,
                System.currentTimeMillis());
    }

    /** The limiters sharing buckets in PostgreSQL, each on a pool of four connections. */
    @State(Scope.Benchmark)
    public static class Postgres {
        @Param({"ours", "bucket4j"})
        String implementation;
        EmbeddedPostgres server;
        HikariDataSource pool;
        RateLimiter limiter;
        final AtomicLong next = new AtomicLong();

        @Setup(Level.Trial)
        public void start() throws IOException, SQLException {
            server = EmbeddedPostgres.builder().start();
            pool = new HikariDataSource();
            pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            pool.setMaximumPoolSize(4);
            Flyway.configure().dataSource(pool).load().migrate();
            Bucket4jPeers.createTable(pool);
            limiter = "ours".equals(implementation)
                    ? new SqlRateLimiter(org.springframework.jdbc.core.simple.JdbcClient.create(pool))
                    : Bucket4jPeers.onPostgres(pool);
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            pool.close();
            server.close();
        }
    }

    /** 1,000 known clients in turn, each within its budget: the usual case, one bucket updated. */
    @Benchmark
    public long postgresKnownClient(Postgres state) {
        return state.limiter.acquire(KEYS[(int) (state.next.getAndIncrement() % 1_000)], 1_000_000,
                System.currentTimeMillis());
    }

    /** A client never seen before: ours inserts in the same statement, Bucket4j inserts, commits and starts over. */
    @Benchmark
    public long postgresNewClient(Postgres state) {
        long client = state.next.getAndIncrement();
        return state.limiter.acquire("chat:new:" + state.implementation + ":" + client, 30, System.currentTimeMillis());
    }
}
