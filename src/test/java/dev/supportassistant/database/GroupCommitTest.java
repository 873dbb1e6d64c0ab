package dev.supportassistant.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

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

        List<CompletableFuture<Void>> followers = database.queueBehind(first, 1, FOLLOWERS);
        first.release();

        for (CompletableFuture<Void> follower : followers) {
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
        List<CompletableFuture<Void>> followers = database.queueBehind(first, 0, FOLLOWERS);
        first.release();

        assertThatThrownBy(() -> followers.get(0).get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(DataIntegrityViolationException.class);
        for (CompletableFuture<Void> follower : followers.subList(1, FOLLOWERS)) {
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
        List<CompletableFuture<Void>> others = database.queueBehind(first, 1, FOLLOWERS);
        first.release();

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("the listener failed");
        for (CompletableFuture<Void> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(database.rows()).isEqualTo(1 + FOLLOWERS);
        assertThat(database.commits.get()).isEqualTo(2);
    }

    @Test
    void aCommitThatFailsFailsEveryCallerOfItsGroup() throws Exception {
        Database database = new Database(1);
        HeldWriting first = database.holdFirstCommit(0);
        List<CompletableFuture<Void>> followers = database.queueBehind(first, 1, FOLLOWERS);
        database.failCommitsAfter(1);
        first.release();

        for (CompletableFuture<Void> follower : followers) {
            assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransactionSystemException.class);
        }
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

    /** A writing started on its own thread that stays inside its transaction until released. */
    private record HeldWriting(CompletableFuture<Void> done, CountDownLatch gate) {
        void release() {
            gate.countDown();
        }
    }

    /** An in-memory H2 database behind an admitting data source, counting commits. */
    private final class Database {
        final AtomicInteger commits = new AtomicInteger();
        private volatile int commitsBeforeFailing = Integer.MAX_VALUE;
        final DataSourceTransactionManager transactions;
        final JdbcTemplate jdbc;
        private final GroupCommit group;

        Database(int callersAtOnce) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            var admitting = new AdmittingDataSource(h2, callersAtOnce, Duration.ofSeconds(30), 100);
            transactions = new DataSourceTransactionManager(admitting) {
                @Override
                protected void doCommit(DefaultTransactionStatus status) {
                    if (commits.get() >= commitsBeforeFailing) {
                        throw new TransactionSystemException("the disk is full");
                    }
                    super.doCommit(status);
                    commits.incrementAndGet();
                }
            };
            jdbc = new JdbcTemplate(admitting);
            jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            group = new GroupCommit(transactions, admitting);
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
        List<CompletableFuture<Void>> queueBehind(HeldWriting held, int firstId, int count) {
            int alreadyWaiting = group.waiting();
            List<CompletableFuture<Void>> callers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int id = firstId + i;
                callers.add(CompletableFuture.runAsync(() -> group.run(() -> jdbc.update("INSERT INTO t VALUES (?)", id)),
                        threads));
            }
            while (group.waiting() < alreadyWaiting + count) {
                assertThat(held.done()).isNotDone();
                Thread.onSpinWait();
            }
            return callers;
        }
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
