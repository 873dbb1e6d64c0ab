package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class GroupCommitTest {

    private static final int FOLLOWERS = 20;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void writingThatArrivesDuringACommitSharesTheNextCommit() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);

        List<CompletableFuture<Integer>> followers = database.queueBehind(first, 1, FOLLOWERS);
        first.release();

        for (CompletableFuture<Integer> follower : followers) {
            follower.get(10, TimeUnit.SECONDS);
        }
        assertThat(database.rows()).isEqualTo(1 + FOLLOWERS);
        assertThat(database.commits.get()).as("the held one's commit, then one for everyone who queued").isEqualTo(2);
    }

    @Test
    void aWritingThatFailsInAGroupIsUndoneAloneAndOnlyItsCallerGetsTheFailure() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);

        // Ids 0 to 19: the follower inserting 0 again breaks the primary key.
        List<CompletableFuture<Integer>> followers = database.queueBehind(first, 0, FOLLOWERS);
        first.release();

        assertThatThrownBy(() -> followers.get(0).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DataIntegrityViolationException.class);
        for (CompletableFuture<Integer> follower : followers.subList(1, FOLLOWERS)) {
            follower.get(10, TimeUnit.SECONDS);
        }
        assertThat(database.rows()).isEqualTo(FOLLOWERS);
        assertThat(database.commits.get()).isEqualTo(2);
    }

    @Test
    void aFailureInATransactionalCallWithinAGroupedWritingStillFailsOnlyItsCaller() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        // As the live-event listener joins the storing transaction: a participant that fails marks
        // the whole transaction rollback-only unless its savepoint undoes that too.
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> database.commits().run(() ->
                new TransactionTemplate(database.transactions).executeWithoutResult(status -> {
                    database.jdbc.update("INSERT INTO t VALUES (100)");
                    throw new IllegalStateException("the listener failed");
                })), threads);
        while (database.commits().waiting() < 1) {
            Thread.onSpinWait();
        }
        List<CompletableFuture<Integer>> others = database.queueBehind(first, 1, FOLLOWERS);
        first.release();

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the listener failed");
        for (CompletableFuture<Integer> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(database.rows()).isEqualTo(1 + FOLLOWERS);
        assertThat(database.commits.get()).isEqualTo(2);
    }

    @Test
    void aCommitThatFailsFailsEveryCallerOfItsGroup() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Integer>> followers = database.queueBehind(first, 1, FOLLOWERS);
        database.failCommitsAfter(1);
        first.release();

        for (CompletableFuture<Integer> follower : followers) {
            assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransactionSystemException.class);
        }
    }

    @Test
    void aCallerStillQueuedPastTheMaxWaitIsRefusedAsBusyAndItsWritingNeverRuns() throws Exception {
        Database database = new Database(1, Duration.ofMillis(1));
        HeldWriting first = database.holdFirstCommit(0);
        AtomicBoolean ran = new AtomicBoolean();
        List<CompletableFuture<Integer>> late = database.queueBehind(first, 1, 1, id -> () -> {
            ran.set(true);
            return database.insert(id);
        });

        database.clock.addAndGet(Duration.ofMillis(2).toNanos());

        assertRefusedAsBusy(late.get(0), "no turn within");
        assertThat(database.commits().waiting()).as("it left the queue").isZero();
        first.release();
        first.done.get(10, TimeUnit.SECONDS);
        assertThat(ran).isFalse();
        assertThat(database.rows()).isEqualTo(1);
    }

    @Test
    void aCallerWhoseWritingIsTakenIntoAGroupWaitsForThatCommitPastTheMaxWait() throws Exception {
        Database database = new Database(1, Duration.ofMillis(1));
        HeldWriting first = database.holdFirstCommit(0);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Integer>> held = database.queueBehind(first, 1, 1, id -> () -> {
            int inserted = database.insert(id);
            inside.countDown();
            await(release);
            return inserted;
        });
        List<CompletableFuture<Integer>> taken = database.queueBehind(first, 2, 1);
        first.release();
        await(inside);
        assertThat(database.commits().waiting()).as("both taken into the group being written").isZero();

        // Everyone's max wait passes; a caller who queues now is refused once its own has passed.
        database.clock.addAndGet(Duration.ofMinutes(1).toNanos());
        HeldWriting group = new HeldWriting(held.get(0).thenRun(() -> { }), release);
        CompletableFuture<Integer> behind = database.queueBehind(group, 3, 1).get(0);
        database.clock.addAndGet(Duration.ofMinutes(1).toNanos());
        assertRefusedAsBusy(behind, "no turn within");

        assertThat(taken.get(0)).as("still waiting for its group's commit").isNotDone();
        group.release();
        assertThat(held.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(taken.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(database.rows()).isEqualTo(3);
    }

    @Test
    void whenUndoingAFailedWritingFailsTheWholeGroupFailsAndNothingOfItIsCommitted() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Integer>> callers = database.queueAroundOneThatFails(first,
                new IllegalStateException("this writing failed"));
        database.savepointRollbackFails.set(true);
        first.release();

        for (CompletableFuture<Integer> caller : callers) {
            assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TransactionSystemException.class)
                    .hasMessageContaining("savepoint");
        }
        assertThat(database.rows()).as("only the first commit's").isEqualTo(1);
    }

    @Test
    void aWritingThatSwallowsATransactionalCallsFailureIsUndoneAloneAndOnlyItsCallerFails() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        // The failed participant marked the transaction rollback-only: the savepoint undoes it.
        List<CompletableFuture<Integer>> swallowing = database.queueBehind(first, 100, 1, id -> () -> {
            try {
                new TransactionTemplate(database.transactions).executeWithoutResult(status -> {
                    database.insert(id);
                    throw new IllegalStateException("the listener failed");
                });
            } catch (IllegalStateException swallowed) {
                // as a caller that carries on without it would
            }
            return 0;
        });
        List<CompletableFuture<Integer>> others = database.queueBehind(first, 1, FOLLOWERS);
        first.release();

        assertThatThrownBy(() -> swallowing.get(0).get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(UnexpectedRollbackException.class);
        for (CompletableFuture<Integer> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(database.rows()).isEqualTo(1 + FOLLOWERS);
    }

    @Test
    void aVirtualMachineErrorInAGroupedWritingFailsItsWholeGroupAndTheQueueGoesOn() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Integer>> callers = database.queueAroundOneThatFails(first,
                new OutOfMemoryError("no heap left in this test"));
        first.release();

        for (CompletableFuture<Integer> caller : callers) {
            assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(OutOfMemoryError.class);
        }
        assertThat(database.rows()).isEqualTo(1);
        assertThat(database.commits().run(() -> database.insert(50))).as("the next caller commits").isEqualTo(1);
        assertThat(database.rows()).isEqualTo(2);
    }

    @Test
    void moreCallersThanOneGroupTakesFormSeveralGroupsAndAllAreCommitted() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Integer>> callers = database.queueBehind(first, 1, GroupCommit.MAX_GROUP + 1);
        first.release();

        for (CompletableFuture<Integer> caller : callers) {
            assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(database.rows()).isEqualTo(GroupCommit.MAX_GROUP + 2);
        assertThat(database.commits.get()).as("the held one, a full group, the one left over").isEqualTo(3);
        DistributionSummary sizes = database.registry.get(GroupCommit.GROUP_SIZE).summary();
        assertThat(sizes.count()).isEqualTo(3);
        assertThat(sizes.max()).isEqualTo(GroupCommit.MAX_GROUP);
        assertThat(sizes.totalAmount()).isEqualTo(GroupCommit.MAX_GROUP + 2);
    }

    @Test
    void eachCallerInAGroupGetsWhatItsOwnWritingReturned() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Integer>> callers = database.queueBehind(first, 1, FOLLOWERS, id -> () -> {
            database.insert(id);
            return id * 10;
        });
        first.release();

        for (int i = 0; i < FOLLOWERS; i++) {
            assertThat(callers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((1 + i) * 10);
        }
        assertThat(database.commits.get()).isEqualTo(2);
    }

    @Test
    void aLoneCallerCommitsItsOwnWritingAndGetsItsResult() {
        Database database = new Database(1);

        int inserted = database.commits().run(() -> database.jdbc.update("INSERT INTO t VALUES (7)"));

        assertThat(inserted).isEqualTo(1);
        assertThat(database.rows()).isEqualTo(1);
        assertThat(database.commits.get()).isEqualTo(1);
    }

    @Test
    void aCallerWhoseThreadIsInterruptedStillCommitsAndKeepsItsInterrupt() {
        Database database = new Database(1);

        Thread.currentThread().interrupt();
        try {
            database.commits().run(() -> database.jdbc.update("INSERT INTO t VALUES (3)"));
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }

        assertThat(database.rows()).isEqualTo(1);
    }

    @Test
    void aLoneCallersFailureIsThrownToItAndItsWritingUndone() {
        Database database = new Database(1);

        assertThatThrownBy(() -> database.commits().run(() -> {
            database.jdbc.update("INSERT INTO t VALUES (1)");
            database.jdbc.update("INSERT INTO t VALUES (1)");
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(database.rows()).isZero();
    }

    @Test
    void writingInsideTheCallersTransactionJoinsIt() {
        Database database = new Database(1);

        new TransactionTemplate(database.transactions).executeWithoutResult(status -> {
            database.commits().run(() -> database.jdbc.update("INSERT INTO t VALUES (1)"));
            status.setRollbackOnly();
        });

        assertThat(database.rows()).isZero();
    }

    @Test
    void onADatabaseThatTakesCallersConcurrentlyNobodyWaitsForAnotherCallersCommit() throws Exception {
        Database database = new Database(2);
        HeldWriting first = database.holdFirstCommit(0);

        database.commits().run(() -> database.jdbc.update("INSERT INTO t VALUES (1)"));

        assertThat(database.commits.get()).as("committed while the first is still writing").isEqualTo(1);
        first.release();
        first.done.get(10, TimeUnit.SECONDS);
        assertThat(database.commits.get()).isEqualTo(2);
    }

    @Test
    void onAPoolOfOneConnectionWritingQueuesForTheNextCommitAndOnABiggerOneItCommitsAtOnce() throws Exception {
        try (HikariDataSource one = pool(1); HikariDataSource two = pool(2)) {
            GroupCommit onTwo = new GroupCommit(new DataSourceTransactionManager(two), two, new SimpleMeterRegistry());
            HeldWriting firstOnTwo = hold(onTwo, two);
            assertThat(CompletableFuture.supplyAsync(() -> onTwo.run(() -> new JdbcTemplate(two)
                    .update("INSERT INTO t VALUES (1)")), threads).get(10, TimeUnit.SECONDS))
                    .as("committed while the first is still writing").isEqualTo(1);
            firstOnTwo.release();
            firstOnTwo.done().get(10, TimeUnit.SECONDS);

            GroupCommit onOne = new GroupCommit(new DataSourceTransactionManager(one), one, new SimpleMeterRegistry());
            HeldWriting firstOnOne = hold(onOne, one);
            CompletableFuture<Integer> follower = CompletableFuture.supplyAsync(
                    () -> onOne.run(() -> new JdbcTemplate(one).update("INSERT INTO t VALUES (1)")), threads);
            while (onOne.waiting() < 1) {
                Thread.onSpinWait();
            }
            assertThat(follower).isNotDone();
            firstOnOne.release();
            assertThat(follower.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    /** A writing on its own thread, inside its transaction until released. */
    private HeldWriting hold(GroupCommit commits, javax.sql.DataSource dataSource) throws InterruptedException {
        new JdbcTemplate(dataSource).execute("CREATE TABLE t (id INT PRIMARY KEY)");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> commits.run(() -> {
            new JdbcTemplate(dataSource).update("INSERT INTO t VALUES (0)");
            inside.countDown();
            await(release);
        }), threads);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return new HeldWriting(done, release);
    }

    private static HikariDataSource pool(int connections) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setMaximumPoolSize(connections);
        pool.setConnectionTimeout(1_500);
        return pool;
    }

    /** A writing started on its own thread that stays inside its transaction until released. */
    private record HeldWriting(CompletableFuture<Void> done, CountDownLatch gate) {
        void release() {
            gate.countDown();
        }
    }

    /**
     * An in-memory H2 database, counting commits, its writing grouped when one caller at a time uses
     * it, on a clock that moves only when a test moves it.
     */
    private final class Database {
        final AtomicInteger commits = new AtomicInteger();
        final AtomicLong clock = new AtomicLong();
        final AtomicBoolean savepointRollbackFails = new AtomicBoolean();
        final SimpleMeterRegistry registry = new SimpleMeterRegistry();
        private volatile int commitsBeforeFailing = Integer.MAX_VALUE;
        final DataSourceTransactionManager transactions;
        final JdbcTemplate jdbc;
        private final GroupCommit group;

        Database(int callersAtOnce) {
            this(callersAtOnce, Duration.ofSeconds(30));
        }

        Database(int callersAtOnce, Duration maxWait) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            javax.sql.DataSource dataSource = savepointRollbackMayFail(h2);
            transactions = new DataSourceTransactionManager(dataSource) {
                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                    if (commits.get() >= commitsBeforeFailing) {
                        throw new TransactionSystemException("the disk is full");
                    }
                    super.doCommit(status);
                    commits.incrementAndGet();
                }
            };
            jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            group = new GroupCommit(transactions, callersAtOnce == 1, maxWait, registry, clock::get);
        }

        /** Connections whose rollback to a savepoint fails while {@link #savepointRollbackFails} is set. */
        private javax.sql.DataSource savepointRollbackMayFail(javax.sql.DataSource target) {
            return new DelegatingDataSource(target) {
                @Override
                public Connection getConnection() throws SQLException {
                    Connection connection = super.getConnection();
                    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                            new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                                if (method.getName().equals("rollback") && args != null
                                        && savepointRollbackFails.get()) {
                                    throw new SQLException("the savepoint could not be rolled back to");
                                }
                                try {
                                    return method.invoke(connection, args);
                                } catch (InvocationTargetException failure) {
                                    throw failure.getTargetException();
                                }
                            });
                }
            };
        }

        int insert(int id) {
            return jdbc.update("INSERT INTO t VALUES (?)", id);
        }

        GroupCommit commits() {
            return group;
        }

        void failCommitsAfter(int count) {
            commitsBeforeFailing = count;
        }

        int rows() {
            return jdbc.queryForObject("SELECT COUNT(*) FROM t", Integer.class);
        }

        HeldWriting holdFirstCommit(int id) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> group.run(() -> {
                jdbc.update("INSERT INTO t VALUES (?)", id);
                inside.countDown();
                await(release);
            }), threads);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            return new HeldWriting(done, release);
        }

        /** Callers inserting ids from {@code firstId} on, each on its own thread, queued behind {@code held}. */
        List<CompletableFuture<Integer>> queueBehind(HeldWriting held, int firstId, int count) {
            return queueBehind(held, firstId, count, id -> () -> insert(id));
        }

        /** Five callers, then one whose writing inserts its row and throws {@code failure}, then five more. */
        List<CompletableFuture<Integer>> queueAroundOneThatFails(HeldWriting held, Throwable failure) {
            List<CompletableFuture<Integer>> callers = new ArrayList<>(queueBehind(held, 1, 5));
            callers.addAll(queueBehind(held, 100, 1, id -> () -> {
                insert(id);
                if (failure instanceof Error error) {
                    throw error;
                }
                throw (RuntimeException) failure;
            }));
            callers.addAll(queueBehind(held, 6, 5));
            return callers;
        }

        /** Callers each running the writing made for its id, from {@code firstId} on, queued behind {@code held}. */
        <T> List<CompletableFuture<T>> queueBehind(HeldWriting held, int firstId, int count,
                IntFunction<Supplier<T>> writing) {
            int alreadyWaiting = group.waiting();
            List<CompletableFuture<T>> callers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Supplier<T> mine = writing.apply(firstId + i);
                callers.add(CompletableFuture.supplyAsync(() -> group.run(mine), threads));
                // One at a time, so that they queue in order of their ids.
                while (group.waiting() < alreadyWaiting + i + 1) {
                    assertThat(held.done()).isNotDone();
                    Thread.onSpinWait();
                }
            }
            return callers;
        }
    }

    private static void assertRefusedAsBusy(CompletableFuture<?> caller, String why) {
        assertThatThrownBy(() -> caller.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CannotCreateTransactionException.class)
                .rootCause().isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining(why)
                .hasMessageContaining("too busy");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
