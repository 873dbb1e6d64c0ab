package dev.supportassistant.database;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a piece of writing in a transaction and returns once it is committed, as
 * {@code @Transactional} does; on a database that takes one caller at a time (the embedded H2 file,
 * see {@link DatabaseAdmissionConfiguration}) the writing of callers who arrive while a commit is
 * under way shares the next commit.
 *
 * <p>Why: H2 writes a new chunk of its file for every commit (every changed page of every B-tree
 * touched, 110 KB for a chat turn), and under load that was 15% of the service's processor time
 * (bench/RESULTS.md). Each caller still returns only after the commit that holds its writing, so
 * what it acknowledges is as durable as before. Nobody waits for others to arrive: the first caller
 * to find no commit under way writes whatever has queued up (its own included) and commits it,
 * on its own thread, so a lone caller pays nothing for the grouping. In a group every caller's
 * writing runs within a savepoint: one that fails is undone alone and its caller gets its failure;
 * a failed commit fails every caller of the group.
 *
 * <p>Writing that joins a transaction the caller already has, and all writing on a database that
 * takes callers concurrently (PostgreSQL, which also groups concurrent commits itself), runs as
 * {@code @Transactional} would. The writing must not rely on its caller's thread: in a group it may
 * run on another caller's.
 */
@Component
public class GroupCommit {

    /** At most this many callers' writing in one commit, so that one commit stays short. */
    static final int MAX_GROUP = 64;

    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final boolean grouping;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final ArrayDeque<Writing<?>> queued = new ArrayDeque<>();
    private boolean committing;

    public GroupCommit(PlatformTransactionManager transactions, DataSource dataSource) {
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.grouping = dataSource instanceof AdmittingDataSource admitting && admitting.oneCallerAtATime();
    }

    /** Runs {@code writing} in a transaction, committed when this returns; its failure is thrown here. */
    public void run(Runnable writing) {
        run(() -> {
            writing.run();
            return null;
        });
    }

    /** Like {@link #run(Runnable)}, with what the writing returns. */
    public <T> T run(Supplier<T> writing) {
        if (!grouping || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> writing.get());
        }
        Writing<T> mine = new Writing<>(writing);
        lock.lock();
        try {
            queued.add(mine);
            while (!mine.done) {
                if (committing) {
                    committed.awaitUninterruptibly();
                } else {
                    commitQueued();
                }
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** Callers whose writing waits for the next commit (for tests and metrics). */
    int waiting() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock; commits what has queued up without it, then wakes the waiting callers. */
    private void commitQueued() {
        List<Writing<?>> group = new ArrayList<>();
        while (!queued.isEmpty() && group.size() < MAX_GROUP) {
            group.add(queued.poll());
        }
        committing = true;
        lock.unlock();
        // A caller's interrupt (a provider call that timed out, say) is its own: left set, the
        // database's turnstile would refuse the whole group.
        boolean interrupted = Thread.interrupted();
        try {
            commit(group);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
            committing = false;
            group.forEach(writing -> writing.done = true);
            committed.signalAll();
        }
    }

    private void commit(List<Writing<?>> group) {
        try {
            if (group.size() == 1) {
                transaction.executeWithoutResult(status -> group.get(0).run());
            } else {
                transaction.executeWithoutResult(status -> group.forEach(writing -> writing.runWithin(savepoint)));
            }
        } catch (RuntimeException | Error failed) {
            group.forEach(writing -> writing.failed(failed));
        }
    }

    /**
     * One caller's writing and how it ended. Written by whoever commits it, read by its caller after
     * the lock has passed between them.
     */
    private static final class Writing<T> {
        private final Supplier<T> work;
        private @Nullable T result;
        private @Nullable Throwable failure;
        private boolean done;

        Writing(Supplier<T> work) {
            this.work = work;
        }

        /** Runs it; its failure is rethrown, so that the transaction is undone. */
        void run() {
            result = work.get();
        }

        /** Runs it in a savepoint of the group's transaction; its failure undoes it alone. */
        void runWithin(TransactionTemplate savepoint) {
            try {
                savepoint.executeWithoutResult(status -> run());
            } catch (RuntimeException | Error failed) {
                failure = failed;
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
