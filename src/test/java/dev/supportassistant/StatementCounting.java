package dev.supportassistant;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.zaxxer.hikari.HikariDataSource;

import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts the SQL statements and commits the service sends, with datasource-proxy: the pool's
 * physical connections come from a proxy that records every statement and every {@code commit()},
 * and everything above the pool (its admission, group commit, transactions) is the service's own.
 * Import it into a test's context and read the counts around what the test does
 * ({@link #during}). Statements of the live events' delivery thread are left out: it reads what
 * others wrote, when a stream is open, whenever it is woken.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

    /** The thread that delivers stored events to open streams; not part of any request. */
    private static final String DELIVERY_THREAD = "conversation-events";

    /**
     * What the database was sent meanwhile: each statement's SQL, how many commits, and the
     * statements that changed something outside a transaction (each its own commit, with autocommit on).
     */
    public record Sent(List<String> statements, int commits, List<String> autocommittedWrites) {

        /** The statements and commits, one per line, for a failure message. */
        public String describe() {
            return String.join("\n", statements) + "\n(" + commits + " commits; written outside a transaction: "
                    + autocommittedWrites + ")";
        }
    }

    private static final List<String> STATEMENTS = new ArrayList<>();
    private static final List<String> COMMITS = new ArrayList<>();
    private static final List<String> AUTOCOMMITTED_WRITES = new ArrayList<>();

    /** Runs {@code work} and says what it sent to the database. */
    public static synchronized Sent during(Runnable work) {
        int statements;
        int commits;
        int autocommitted;
        synchronized (STATEMENTS) {
            statements = STATEMENTS.size();
            commits = COMMITS.size();
            autocommitted = AUTOCOMMITTED_WRITES.size();
        }
        work.run();
        synchronized (STATEMENTS) {
            return new Sent(List.copyOf(STATEMENTS.subList(statements, STATEMENTS.size())),
                    COMMITS.size() - commits,
                    List.copyOf(AUTOCOMMITTED_WRITES.subList(autocommitted, AUTOCOMMITTED_WRITES.size())));
        }
    }

    /** How many commits the database has seen so far, e.g. when a faked provider is called. */
    public static int commitsSoFar() {
        synchronized (STATEMENTS) {
            return COMMITS.size();
        }
    }

    @Bean
    static BeanPostProcessor countingConnections() {
        return new CountingConnections();
    }

    /**
     * Gives the pool (before anything wraps it) its connections through the counting proxy. Hikari
     * opens connections from a {@code dataSource} of its own when it has one, so everything else
     * about the pool stays as configured.
     */
    private static final class CountingConnections implements BeanPostProcessor, Ordered {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
                DataSource physical = new SimpleDriverDataSource(driver(pool.getJdbcUrl()), pool.getJdbcUrl(),
                        pool.getUsername(), pool.getPassword());
                pool.setDataSource(ProxyDataSourceBuilder.create(physical).name("counted")
                        .listener(statements()).methodListener(commits()).build());
            }
            return bean;
        }

        private static java.sql.Driver driver(String url) {
            try {
                return java.sql.DriverManager.getDriver(url);
            } catch (java.sql.SQLException noDriver) {
                throw new IllegalStateException("No JDBC driver for " + url, noDriver);
            }
        }

        private static QueryExecutionListener statements() {
            return new QueryExecutionListener() {
                @Override
                public void beforeQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
                        List<net.ttddyy.dsproxy.QueryInfo> queries) {
                }

                @Override
                public void afterQuery(net.ttddyy.dsproxy.ExecutionInfo execution,
                        List<net.ttddyy.dsproxy.QueryInfo> queries) {
                    if (DELIVERY_THREAD.equals(Thread.currentThread().getName())) {
                        return;
                    }
                    boolean autocommit = autocommit(execution);
                    synchronized (STATEMENTS) {
                        for (net.ttddyy.dsproxy.QueryInfo query : queries) {
                            String sql = query.getQuery().replaceAll("\\s+", " ").strip();
                            STATEMENTS.add(sql);
                            if (autocommit && !sql.regionMatches(true, 0, "SELECT", 0, 6)) {
                                AUTOCOMMITTED_WRITES.add(sql);
                            }
                        }
                    }
                }
            };
        }

        private static boolean autocommit(net.ttddyy.dsproxy.ExecutionInfo execution) {
            try {
                return execution.getStatement().getConnection().getAutoCommit();
            } catch (java.sql.SQLException closed) {
                return false;
            }
        }

        private static MethodExecutionListener commits() {
            return new MethodExecutionListener() {
                @Override
                public void beforeMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                }

                @Override
                public void afterMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
                    if ("commit".equals(context.getMethod().getName()) && context.getTarget() instanceof java.sql.Connection
                            && context.getThrown() == null) {
                        synchronized (STATEMENTS) {
                            COMMITS.add(Thread.currentThread().getName());
                        }
                    }
                }
            };
        }

        @Override
        public int getOrder() {
            // Before the service's own post-processors wrap the pool.
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
