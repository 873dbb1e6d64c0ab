package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceUtils;

class AdmittingDataSourceTest {

    private static final Duration SHORT_WAIT = Duration.ofMillis(200);

    private final CountingDataSource database = new CountingDataSource();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aCallerBeyondTheLimitWaitsForATurnAndGetsOneWhenAConnectionIsClosed() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, Duration.ofSeconds(30), 100);
        Connection first = admitting.getConnection();
        CompletableFuture<Connection> second = CompletableFuture.supplyAsync(() -> connect(admitting), threads);
        while (admitting.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(second).isNotDone();

        first.close();

        try (Connection connection = second.get(10, TimeUnit.SECONDS)) {
            assertThat(connection.isValid(1)).isTrue();
        }
        assertThat(database.opened.get()).isEqualTo(2);
    }

    @Test
    void aCallerWhoseTurnDoesNotComeWithinTheWaitIsRefusedAsTooBusy() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, SHORT_WAIT, 100);
        try (Connection held = admitting.getConnection()) {
            assertThatThrownBy(() -> connectOnAnotherThread(admitting)).hasRootCauseInstanceOf(
                    SQLTransientConnectionException.class).rootCause().hasMessageContaining("too busy");
        }
        try (Connection afterwards = admitting.getConnection()) {
            assertThat(afterwards.isValid(1)).isTrue();
        }
    }

    @Test
    void whenTooManyWaitANewCallerIsRefusedAtOnce() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, Duration.ofSeconds(30), 0);
        try (Connection held = admitting.getConnection()) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> connectOnAnotherThread(admitting)).rootCause()
                    .hasMessageContaining("0 others are already waiting");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void aThreadThatHoldsAConnectionGetsAnotherWithoutWaitingForItself() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, SHORT_WAIT, 100);
        try (Connection outer = admitting.getConnection(); Connection inner = admitting.getConnection()) {
            assertThat(inner.isValid(1)).isTrue();
            assertThat(outer.isValid(1)).isTrue();
        }
        // Both closed: the one turn is free again for another thread.
        try (Connection other = connectOnAnotherThread(admitting)) {
            assertThat(other.isValid(1)).isTrue();
        }
    }

    @Test
    void closingTwiceGivesTheTurnBackOnce() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, SHORT_WAIT, 100);
        Connection connection = admitting.getConnection();
        connection.close();
        connection.close();
        try (Connection one = connectOnAnotherThread(admitting)) {
            assertThatThrownBy(() -> connectOnAnotherThread(admitting)).rootCause().hasMessageContaining("too busy");
        }
    }

    @Test
    void whileTheDatabaseIsFailingOneCallerTriesItAndTheOthersAreRefusedAtOnce() throws Exception {
        var admitting = new AdmittingDataSource(database, 2, Duration.ofSeconds(30), 100);
        database.down.set(true);
        assertThatThrownBy(admitting::getConnection).isInstanceOf(SQLException.class).hasMessageContaining("down");

        database.hold.set(new CountDownLatch(1));
        CompletableFuture<Connection> probe = CompletableFuture.supplyAsync(() -> connect(admitting), threads);
        while (database.waiting.get() == 0) {
            Thread.onSpinWait();
        }
        int attempts = database.attempts.get();
        assertThatThrownBy(admitting::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                .hasMessageContaining("unavailable");
        assertThat(database.attempts.get()).isEqualTo(attempts);

        database.hold.get().countDown();
        assertThatThrownBy(() -> probe.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");

        database.down.set(false);
        try (Connection back = admitting.getConnection()) {
            assertThat(back.isValid(1)).isTrue();
        }
    }

    @Test
    void theConnectionBehindTheTurnIsReachableForCallersThatNeedThePoolsOwn() throws Exception {
        var admitting = new AdmittingDataSource(database, 1, SHORT_WAIT, 100);
        try (Connection connection = admitting.getConnection()) {
            assertThat(DataSourceUtils.getTargetConnection(connection)).isNotSameAs(connection)
                    .isInstanceOf(org.h2.jdbc.JdbcConnection.class);
            assertThat(connection.unwrap(org.h2.jdbc.JdbcConnection.class)).isNotNull();
        }
    }

    private static Connection connect(DataSource dataSource) {
        try {
            return dataSource.getConnection();
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Connection connectOnAnotherThread(DataSource dataSource) throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            return executor.submit(() -> dataSource.getConnection()).get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdown();
        }
    }

    /** An in-memory H2 database that counts connection attempts and can be switched off. */
    private static final class CountingDataSource implements DataSource {
        private final JdbcDataSource h2 = new JdbcDataSource();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger opened = new AtomicInteger();
        final AtomicBoolean down = new AtomicBoolean();
        /** When set, attempts wait for it (counted in {@link #waiting}) before answering. */
        final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
        final AtomicInteger waiting = new AtomicInteger();

        CountingDataSource() {
            h2.setURL("jdbc:h2:mem:admission;DB_CLOSE_DELAY=-1");
        }

        @Override
        public Connection getConnection() throws SQLException {
            attempts.incrementAndGet();
            CountDownLatch latch = hold.get();
            if (latch != null) {
                waiting.incrementAndGet();
                try {
                    latch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down.get()) {
                throw new SQLException("database down");
            }
            opened.incrementAndGet();
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
