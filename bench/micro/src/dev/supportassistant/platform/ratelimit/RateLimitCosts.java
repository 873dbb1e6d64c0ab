package dev.supportassistant.platform.ratelimit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Costs that do not depend on how busy the machine is, ours against Bucket4j, for bench/RESULTS.md:
 * the heap 100,000 remembered clients take (heap used after a full collection, before and after;
 * rough), and the round trips to PostgreSQL one limited request takes (statements executed and
 * commits, counted on the connection). Run after {@code bench/micro/run.sh} made the class path:
 * {@code java -cp bench/target/test-classes:bench/target/classes:$(cat bench/target/test-classpath.txt)
 * dev.supportassistant.platform.ratelimit.RateLimitCosts}.
 */
public final class RateLimitCosts {

    private RateLimitCosts() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        int clients = InMemoryRateLimiter.MAX_CLIENTS;
        String[] keys = new String[clients];
        for (int i = 0; i < clients; i++) {
            keys[i] = "chat:ip:10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
        }
        for (int round = 0; round < 2; round++) {
            footprint("ours", () -> new InMemoryRateLimiter(clients), keys);
            footprint("bucket4j", () -> Bucket4jPeers.inMemory(clients), keys);
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            Flyway.configure().dataSource(pool).load().migrate();
            Bucket4jPeers.createTable(pool);
            roundTrips("ours", pool, dataSource -> new SqlRateLimiter(JdbcClient.create(dataSource)));
            roundTrips("bucket4j", pool, Bucket4jPeers::onPostgres);
        }
    }

    private static void footprint(String name, Supplier<RateLimiter> create, String[] keys) {
        long before = usedAfterGc();
        RateLimiter limiter = create.get();
        long now = System.currentTimeMillis();
        for (String key : keys) {
            limiter.acquire(key, 30, now);
        }
        long after = usedAfterGc();
        System.out.printf("in memory  %-8s %,d clients: %,d bytes each (keys not counted)%n", name, keys.length,
                (after - before) / keys.length);
        if (limiter.acquire(keys[0], 30, now) < 0) {
            throw new AssertionError("kept alive until measured");
        }
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void roundTrips(String name, DataSource pool, Function<DataSource, RateLimiter> create) {
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger connections = new AtomicInteger();
        RateLimiter limiter = create.apply(new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                return counted(super.getConnection(), statements, commits);
            }
        });
        long now = System.currentTimeMillis();
        for (String step : new String[] {"a new client", "a known client"}) {
            statements.set(0);
            commits.set(0);
            connections.set(0);
            limiter.acquire("chat:ip:" + name, 30, now);
            System.out.printf("PostgreSQL %-8s %-14s: %d statements, %d explicit commits, %d connections taken%n",
                    name, step, statements.get(), commits.get(), connections.get());
        }
    }

    /** Counts what a connection sends: each statement executed, each commit. */
    private static Connection counted(Connection target, AtomicInteger statements, AtomicInteger commits) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("commit")) {
                        commits.incrementAndGet();
                    }
                    try {
                        Object result = method.invoke(target, arguments);
                        if (result instanceof java.sql.PreparedStatement statement) {
                            return Proxy.newProxyInstance(Connection.class.getClassLoader(),
                                    new Class<?>[] {java.sql.PreparedStatement.class}, (p, m, a) -> {
                                        if (m.getName().startsWith("execute")) {
                                            statements.incrementAndGet();
                                        }
                                        try {
                                            return m.invoke(statement, a);
                                        } catch (InvocationTargetException failure) {
                                            throw failure.getTargetException();
                                        }
                                    });
                        }
                        return result;
                    } catch (InvocationTargetException failure) {
                        throw failure.getTargetException();
                    }
                });
    }
}
