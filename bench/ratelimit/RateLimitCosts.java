import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.supportassistant.platform.ratelimit.RateLimiter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What one limited request costs with the service's RateLimiter (Bucket4j 8.14), for bench/RESULTS.md:
 * on PostgreSQL the statements, commits and connections of one request for a client seen before and
 * for a new one, and the time per request one at a time; in memory the heap 100,000 buckets take.
 * Run with bench/ratelimit/run.sh.
 */
public final class RateLimitCosts {

    private static final RateLimiter.Budget CHAT = new RateLimiter.Budget("chat", 30, Duration.ofMinutes(1));

    public static void main(String[] args) throws Exception {
        inMemory(100_000);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start(); HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            Flyway.configure().dataSource(pool).load().migrate();
            AtomicInteger statements = new AtomicInteger();
            AtomicInteger commits = new AtomicInteger();
            AtomicInteger connections = new AtomicInteger();
            RateLimiter limiter = RateLimiter.onPostgres(new DelegatingDataSource(pool) {
                @Override
                public Connection getConnection() throws SQLException {
                    connections.incrementAndGet();
                    return counted(super.getConnection(), statements, commits);
                }
            }, Clock.systemUTC());
            for (String step : new String[] {"a new client", "a known client"}) {
                statements.set(0);
                commits.set(0);
                connections.set(0);
                limiter.acquire("ip:192.0.2.1", CHAT);
                System.out.printf("PostgreSQL, %-14s: %d statements, %d commits, %d connections taken%n", step,
                        statements.get(), commits.get(), connections.get());
            }
            for (int round = 0; round < 3; round++) {
                System.out.printf("PostgreSQL, one at a time: a known client %.0f µs, a new client %.0f µs a request%n",
                        micros(limiter, 2_000, false), micros(limiter, 2_000, true));
            }
        }
    }

    private static double micros(RateLimiter limiter, int requests, boolean newClients) {
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            limiter.acquire(newClients ? "ip:new-" + System.nanoTime() : "ip:known", new RateLimiter.Budget("chat",
                    1_000_000, Duration.ofMinutes(1)));
        }
        return (System.nanoTime() - started) / 1_000.0 / requests;
    }

    private static void inMemory(int buckets) {
        // A budget that takes an hour to refill, so that no bucket is forgotten while they are counted.
        RateLimiter.Budget hourly = new RateLimiter.Budget("chat", 30, Duration.ofHours(1));
        for (int round = 0; round < 3; round++) {
            long before = usedAfterGc();
            RateLimiter limiter = RateLimiter.inMemory(Clock.systemUTC());
            for (int i = 0; i < buckets; i++) {
                limiter.acquire("ip:10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff), hourly);
            }
            long after = usedAfterGc();
            System.out.printf("in memory, %,d buckets: %,d bytes each, keys included%n", buckets, (after - before) / buckets);
            if (limiter.waitSeconds("ip:10.0.0.0", hourly) < 0) {
                throw new AssertionError("kept alive until measured");
            }
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Counts what a connection sends: each statement executed, each commit. */
    private static Connection counted(Connection target, AtomicInteger statements, AtomicInteger commits) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    Object result = call(method, target, arguments);
                    if (result instanceof PreparedStatement statement) {
                        return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p, m, a) -> {
                                    if (m.getName().startsWith("execute")) {
                                        statements.incrementAndGet();
                                    }
                                    return call(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object call(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getTargetException();
        }
    }
}
