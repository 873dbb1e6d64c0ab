package dev.supportassistant.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Texts waiting for the embedding model, first come first served, and the threads that run the
 * model over them: each takes every text waiting (up to {@link #MAX_RUN}) at once and embeds them
 * one after another ({@link MiniLmModel} runs each text alone), so a burst costs one hand-off per
 * run rather than per text. A text that arrives while the model is idle runs at once.
 *
 * <p>Bounded like every queue in front of scarce work: a text waits at most {@code maxWait}, and
 * when {@code maxWaiting} texts already wait a new one is refused at once
 * ({@link EmbeddingsBusyException}, 503), so sustained overload is answered early instead of piling
 * up requests until memory runs out.
 */
final class EmbeddingQueue implements AutoCloseable {

    /** Texts taken at once at most, so that one caller's many texts do not hold a runner for long. */
    static final int MAX_RUN = 32;

    private final BlockingQueue<Waiting> waiting;
    private final Duration maxWait;
    private final Function<List<String>, List<float[]>> model;
    private final List<Thread> runners = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param model computes the vectors of several texts in order
     * @param runners how many runs may be in progress at once
     */
    EmbeddingQueue(Function<List<String>, List<float[]>> model, int runners, int maxWaiting, Duration maxWait) {
        this.model = model;
        this.waiting = new ArrayBlockingQueue<>(maxWaiting);
        this.maxWait = maxWait;
        for (int i = 0; i < runners; i++) {
            Thread runner = new Thread(this::runUntilClosed, "embedding-" + i);
            runner.setDaemon(true);
            runner.start();
            this.runners.add(runner);
        }
    }

    /** Texts waiting for a run (an estimate, for metrics). */
    int waiting() {
        return waiting.size();
    }

    /**
     * The texts' vectors, in order, each within {@code maxWait} of asking for it. Many texts (a
     * document's chunks) go in parts of {@link #MAX_RUN}, each part in line like any other text and
     * with a {@code maxWait} of its own, so that they neither fill the queue nor make customers'
     * messages wait behind all of them.
     *
     * @throws EmbeddingsBusyException the queue is full or closed, or a text was not computed in time
     */
    List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int start = 0; start < texts.size(); start += MAX_RUN) {
            List<Waiting> part = new ArrayList<>();
            try {
                for (String text : texts.subList(start, Math.min(texts.size(), start + MAX_RUN))) {
                    part.add(submit(text));
                }
                for (Waiting text : part) {
                    vectors.add(text.vector());
                }
            } catch (RuntimeException refused) {
                part.forEach(Waiting::abandon);
                throw refused;
            }
        }
        return vectors;
    }

    /**
     * Puts the text in line and returns at once; its {@code maxWait} starts now.
     *
     * @throws EmbeddingsBusyException the queue is full or closed
     */
    Waiting submit(String text) {
        Waiting mine = new Waiting(text, System.nanoTime() + maxWait.toNanos());
        if (closed) {
            throw new EmbeddingsBusyException("the service is stopping");
        }
        if (!waiting.offer(mine)) {
            throw new EmbeddingsBusyException(waiting.size() + " others are already waiting");
        }
        if (closed && waiting.remove(mine)) {
            // Closed while this text went in: no runner will take it.
            throw new EmbeddingsBusyException("the service is stopping");
        }
        return mine;
    }

    /** Stops the runners; texts still waiting, and any asked for from now on, are refused. */
    @Override
    public void close() {
        closed = true;
        runners.forEach(Thread::interrupt);
        List<Waiting> left = new ArrayList<>();
        waiting.drainTo(left);
        left.forEach(text -> text.vector.completeExceptionally(new EmbeddingsBusyException("the service is stopping")));
    }

    private void runUntilClosed() {
        List<Waiting> run = new ArrayList<>(MAX_RUN);
        // Not only the interrupt: the model's libraries might swallow it during a run.
        while (!closed) {
            try {
                run.add(waiting.take());
            } catch (InterruptedException closed) {
                return;
            }
            waiting.drainTo(run, MAX_RUN - 1);
            run.removeIf(Waiting::abandoned);
            if (!run.isEmpty()) {
                compute(run);
            }
            run.clear();
        }
    }

    /** One run; when it fails, each text alone, so that a text the model refuses fails only its own caller. */
    private void compute(List<Waiting> run) {
        try {
            List<float[]> vectors = model.apply(run.stream().map(text -> text.text).toList());
            for (int i = 0; i < run.size(); i++) {
                run.get(i).vector.complete(vectors.get(i));
            }
        } catch (RuntimeException failed) {
            if (run.size() == 1) {
                run.get(0).vector.completeExceptionally(failed);
            } else {
                run.forEach(text -> compute(List.of(text)));
            }
        } catch (Error fatal) {
            run.forEach(text -> text.vector.completeExceptionally(fatal));
        }
    }

    /** A text in line, and the vector it will get by its deadline. */
    final class Waiting {
        private final String text;
        private final long deadline;
        private final CompletableFuture<float[]> vector = new CompletableFuture<>();

        private Waiting(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        /**
         * Waits for the vector until the text's deadline; given up on (late, interrupted), the text is
         * skipped if not yet run.
         *
         * @throws EmbeddingsBusyException not computed in time, or the wait was interrupted
         */
        float[] vector() {
            try {
                return vector.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                abandon();
                throw new EmbeddingsBusyException("no turn within " + maxWait.toSeconds() + " s");
            } catch (InterruptedException interrupted) {
                abandon();
                Thread.currentThread().interrupt();
                throw new EmbeddingsBusyException("interrupted while waiting");
            } catch (CancellationException abandoned) {
                throw new EmbeddingsBusyException("given up on");
            } catch (ExecutionException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("The embedding model failed", failed.getCause());
            }
        }

        /** Completes with the vector, or with why there is none; for callers that do not wait. */
        CompletableFuture<float[]> whenDone() {
            return vector;
        }

        /** Its caller stopped waiting: it is skipped if not yet run. */
        void abandon() {
            vector.cancel(false);
        }

        boolean abandoned() {
            return vector.isCancelled();
        }
    }
}
