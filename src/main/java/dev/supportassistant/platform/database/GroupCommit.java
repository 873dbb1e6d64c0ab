package dev.supportassistant.platform.database;

import java.util.List;
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

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

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
 * to find no commit under way writes what has queued up (up to {@code MAX_GROUP}, in order) and
 * commits it, on its own thread, so a lone caller pays nothing for the grouping. In a group every caller's
 * writing runs within a savepoint: one that fails is undone alone and its caller gets its failure;
 * a failed commit fails every caller of the group, and so does a savepoint that could not be undone
 * (the group's earlier writing may be gone with it). Callers wait here instead of at the database's
 * turnstile, with its limits ({@link CommitQueue}).
 *
 * <p>A {@link VirtualMachineError} (out of memory or stack) in any writing fails its whole group
 * (nothing the writing left is trusted) and is thrown on the committing caller's thread too, after
 * the group's callers have been woken, since no thread should carry on as if it had not happened.
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
    /** The metric of how many callers' writing each commit holds. */
    static final String GROUP_SIZE = "support.database.group.commit.size";

    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;
    private final @Nullable CommitQueue<Writing<?>> queue;
    private final DistributionSummary groupSizes;

    @Autowired
    public GroupCommit(PlatformTransactionManager transactions, DataSource dataSource, MeterRegistry registry) {
        this(transactions, dataSource, registry, System::nanoTime);
    }

    /** With the clock that callers' waits are measured on. */
    GroupCommit(PlatformTransactionManager transactions, DataSource dataSource, MeterRegistry registry,
            LongSupplier nanoTime) {
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.queue = dataSource instanceof AdmittingDataSource admitting && admitting.oneCallerAtATime()
                ? new CommitQueue<>(MAX_GROUP, admitting.maxWait(), admitting.maxWaiting(), nanoTime)
                : null;
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
     * Like {@link #run(Runnable)}, with what the writing returns.
     *
     * @throws CannotCreateTransactionException with {@link AdmittingDataSource.Busy} as its cause
     *         when the writing was refused, as the database's turnstile refuses a transaction
     */
    public <T> T run(Supplier<T> writing) {
        if (queue == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> writing.get());
        }
        Writing<T> mine = new Writing<>(writing);
        try {
            queue.await(mine, this::commit);
        } catch (AdmittingDataSource.Busy busy) {
            throw new CannotCreateTransactionException("No turn at the database for this writing", busy);
        }
        return mine.outcome();
    }

    /** Callers whose writing waits for the next commit (for tests and metrics). */
    int waiting() {
        return queue == null ? 0 : queue.waiting();
    }

    private void commit(List<Writing<?>> group) {
        groupSizes.record(group.size());
        // A caller's interrupt (a provider call that timed out, say) is its own: left set, the
        // database's turnstile would refuse the whole group.
        boolean interrupted = Thread.interrupted();
        try {
            if (group.size() == 1) {
                transaction.executeWithoutResult(status -> group.get(0).run());
            } else {
                transaction.executeWithoutResult(status -> group.forEach(writing -> writing.runWithin(savepoint)));
            }
        } catch (RuntimeException | Error failed) {
            group.forEach(writing -> writing.failed(failed));
            if (failed instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * One caller's writing and how it ended. Written by whoever commits it, read by its caller after
     * the queue's lock has passed between them.
     */
    private static final class Writing<T> {
        private final Supplier<T> work;
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

        /**
         * Runs it in a savepoint of the group's transaction; its failure undoes it alone. Anything
         * else escaping the savepoint (undoing or releasing it failed) is rethrown to fail the group.
         */
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
