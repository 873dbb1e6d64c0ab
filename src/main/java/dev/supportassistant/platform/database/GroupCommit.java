package dev.supportassistant.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs writing in a transaction and returns once it is committed, as {@code @Transactional} does; on a
 * pool of one connection (the embedded H2 file) writing that arrives during a commit shares the next
 * one, each in a savepoint. H2 writes a new file chunk per commit: bench/RESULTS.md, "turns share commits".
 */
@Component
public class GroupCommit {

    /** At most this many callers' writing in one commit, so that one commit stays short. */
    static final int MAX_GROUP = 64;
    static final String GROUP_SIZE = "support.database.group.commit.size";

    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final boolean grouped;
    private final long maxWaitNanos;
    private final LongSupplier nanoTime;
    private final DistributionSummary groupSizes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** Writing not yet taken into a group, in order of arrival; guarded by the lock, as is committing. */
    private final ArrayDeque<Writing<?>> queued = new ArrayDeque<>();
    private boolean committing;

    /** Groups on a pool of one connection, and waits for a group as long as the pool for a connection. */
    @Autowired
    public GroupCommit(PlatformTransactionManager transactions, DataSource dataSource, MeterRegistry registry)
            throws SQLException {
        this(transactions, dataSource.unwrap(HikariDataSource.class), registry);
    }

    private GroupCommit(PlatformTransactionManager transactions, HikariDataSource pool, MeterRegistry registry) {
        this(transactions, pool.getMaximumPoolSize() == 1, Duration.ofMillis(pool.getConnectionTimeout()), registry,
                System::nanoTime);
    }

    /** @param maxWait how long writing may wait to be taken into a group before it is refused (503) */
    GroupCommit(PlatformTransactionManager transactions, boolean grouped, Duration maxWait, MeterRegistry registry,
            LongSupplier nanoTime) {
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.grouped = grouped;
        this.maxWaitNanos = maxWait.toNanos();
        this.nanoTime = nanoTime;
        this.groupSizes = DistributionSummary.builder(GROUP_SIZE)
                .description("Writings committed together in one commit on the embedded database")
                .register(registry);
    }

    /** Runs {@code writing} in a transaction, committed when this returns; its failure is thrown here. */
    public void run(Runnable writing) {
        run(() -> {
            writing.run();
            return null;
        });
    }

    /**
     * Like {@link #run(Runnable)}, with what the writing returns. Within the caller's transaction, or on
     * PostgreSQL (which groups concurrent commits itself), as {@code @Transactional}. In a group it may run
     * on another caller's thread; its failure undoes it alone, a failed commit fails the whole group.
     *
     * @throws CannotCreateTransactionException the writing waited too long for its turn; it never ran
     */
    public <T> T run(Supplier<T> writing) {
        if (!grouped || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> writing.get());
        }
        Writing<T> mine = new Writing<>(writing);
        await(mine);
        return mine.outcome();
    }

    /** Callers whose writing waits for the next commit (for tests). */
    int waiting() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once {@code mine} is committed, by this caller (the first to find no commit under way commits
     * what has queued) or another. An interrupt does not end the wait; it is set again on return.
     */
    private void await(Writing<?> mine) {
        boolean interrupted = false;
        lock.lock();
        try {
            queued.add(mine);
            long deadline = nanoTime.getAsLong() + maxWaitNanos;
            while (!mine.done) {
                if (!committing) {
                    commitWhatHasQueued();
                } else if (mine.taken) {
                    committed.awaitUninterruptibly();
                } else {
                    long left = deadline - nanoTime.getAsLong();
                    if (left <= 0) {
                        queued.remove(mine);
                        throw new CannotCreateTransactionException("No turn at the database for this writing",
                                new SQLTransientConnectionException("The database is too busy: no turn within "
                                        + Duration.ofNanos(maxWaitNanos).toMillis() + " ms"));
                    }
                    try {
                        committed.awaitNanos(left);
                    } catch (InterruptedException interrupt) {
                        interrupted = true;
                    }
                }
            }
        } catch (RuntimeException | Error escaped) {
            queued.remove(mine);
            throw escaped;
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called holding the lock; commits without it, and wakes the group's callers whatever happens. */
    private void commitWhatHasQueued() {
        List<Writing<?>> group = new ArrayList<>();
        while (!queued.isEmpty() && group.size() < MAX_GROUP) {
            Writing<?> next = queued.poll();
            next.taken = true;
            group.add(next);
        }
        committing = true;
        lock.unlock();
        try {
            commit(group);
        } finally {
            lock.lock();
            committing = false;
            group.forEach(writing -> writing.done = true);
            committed.signalAll();
        }
    }

    private void commit(List<Writing<?>> group) {
        groupSizes.record(group.size());
        // A caller's interrupt (a provider call that timed out, say) is its own, not the group's.
        boolean interrupted = Thread.interrupted();
        try {
            if (group.size() == 1) {
                transaction.executeWithoutResult(status -> group.get(0).run());
            } else {
                transaction.executeWithoutResult(status -> group.forEach(writing -> writing.runWithin(savepoint)));
            }
        } catch (RuntimeException | Error failed) {
            group.forEach(writing -> writing.failed(failed));
            // Out of memory or stack: nothing the writing left is trusted, and this thread must know.
            if (failed instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One caller's writing and how it ended: written by whoever commits it, read by its caller after the lock. */
    private static final class Writing<T> {
        private final Supplier<T> work;
        boolean taken;
        boolean done;
        private @Nullable T result;
        private @Nullable Throwable thrown;
        private @Nullable Throwable failure;

        Writing(Supplier<T> work) {
            this.work = work;
        }

        /** Runs it; its failure is rethrown, so that the transaction is undone. */
        void run() {
            try {
                result = work.get();
            } catch (RuntimeException | Error failed) {
                thrown = failed;
                throw failed;
            }
        }

        /** In a savepoint: its failure undoes it alone; one that could not be undone fails the group. */
        void runWithin(TransactionTemplate savepoint) {
            try {
                savepoint.executeWithoutResult(status -> run());
            } catch (RuntimeException | Error escaped) {
                boolean undone = escaped == thrown
                        // A participant marked it rollback-only and the savepoint was rolled back.
                        || escaped instanceof UnexpectedRollbackException;
                if (!undone || escaped instanceof VirtualMachineError) {
                    throw escaped;
                }
                failure = escaped;
            }
        }

        void failed(Throwable groupFailure) {
            if (failure == null) {
                failure = groupFailure;
            }
        }

        T outcome() {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }
}
