package dev.supportassistant.platform.database;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The callers of {@link GroupCommit} waiting for their writing to be committed, and who commits it:
 * the first caller to find no commit under way takes what has queued up (at most {@code maxGroup},
 * in order of arrival) and commits it on its own thread; the others wait for that commit.
 *
 * <p>Why its own limits: a caller queued here does not wait at the database's {@link Turnstile},
 * so it gets the turnstile's limits here. One still queued (its writing not yet taken into a group)
 * {@code maxWait} after it arrived is refused and leaves the queue, and one that arrives while
 * {@code maxWaiting} others are queued is refused at once: {@link AdmittingDataSource.Busy}, a 503,
 * as at the turnstile. A caller whose writing has been taken into a group always waits for that
 * commit, however long it takes: its writing may already be in the database.
 *
 * @param <W> a caller's writing
 */
final class CommitQueue<W> {

    /** A caller's writing and where it is: queued, taken into a group, or done. Guarded by the lock. */
    private static final class Place<W> {
        final W writing;
        boolean taken;
        boolean done;

        Place(W writing) {
            this.writing = writing;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private final ArrayDeque<Place<W>> queued = new ArrayDeque<>();
    private final int maxGroup;
    private final Duration maxWait;
    private final int maxWaiting;
    private final LongSupplier nanoTime;
    private boolean committing;

    CommitQueue(int maxGroup, Duration maxWait, int maxWaiting, LongSupplier nanoTime) {
        this.maxGroup = maxGroup;
        this.maxWait = maxWait;
        this.maxWaiting = maxWaiting;
        this.nanoTime = nanoTime;
    }

    /**
     * Returns once {@code writing} has been through {@code commit}, run by this caller (for what has
     * queued up, its own writing included or not) or by another. A caller's interrupt does not end
     * its wait; it is set again on return. What {@code commit} lets escape is thrown to the caller
     * that ran it, its own writing withdrawn if it was not in the group (the group's others return).
     *
     * @throws AdmittingDataSource.Busy too many callers were queued already, or the writing was not
     *         taken into a group within {@code maxWait}; it has not run and never will
     */
    void await(W writing, Consumer<List<W>> commit) throws AdmittingDataSource.Busy {
        Place<W> mine = new Place<>(writing);
        boolean interrupted = false;
        lock.lock();
        try {
            if (committing && queued.size() >= maxWaiting) {
                throw new AdmittingDataSource.Busy(maxWaiting + " others are already waiting");
            }
            queued.add(mine);
            long deadline = nanoTime.getAsLong() + maxWait.toNanos();
            while (!mine.done) {
                if (!committing) {
                    lead(commit);
                } else if (mine.taken) {
                    committed.awaitUninterruptibly();
                } else {
                    long left = deadline - nanoTime.getAsLong();
                    if (left <= 0) {
                        queued.remove(mine);
                        throw new AdmittingDataSource.Busy(
                                "no turn within " + TimeUnit.NANOSECONDS.toSeconds(maxWait.toNanos()) + " s");
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

    /** Callers whose writing waits for the next commit (for tests and metrics). */
    int waiting() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called holding the lock; commits what has queued up without it. The finally block wakes the
     * group's callers whatever happens, so that none of them waits forever.
     */
    private void lead(Consumer<List<W>> commit) {
        List<Place<W>> group = new ArrayList<>();
        while (!queued.isEmpty() && group.size() < maxGroup) {
            Place<W> next = queued.poll();
            next.taken = true;
            group.add(next);
        }
        committing = true;
        lock.unlock();
        try {
            commit.accept(group.stream().map(place -> place.writing).toList());
        } finally {
            lock.lock();
            committing = false;
            group.forEach(place -> place.done = true);
            committed.signalAll();
        }
    }
}
