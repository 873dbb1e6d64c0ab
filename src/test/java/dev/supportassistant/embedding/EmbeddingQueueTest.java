package dev.supportassistant.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddingQueueTest {

    /** A model whose vector for "7" is {7}; it records each run and can be held until released. */
    private final List<List<String>> runs = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch firstRunStarted = new CountDownLatch(1);
    private volatile boolean holding;
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private EmbeddingQueue queue;

    private List<float[]> model(List<String> texts) {
        runs.add(texts);
        firstRunStarted.countDown();
        if (holding) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return texts.stream().map(text -> new float[] { Float.parseFloat(text) }).toList();
    }

    @AfterEach
    void stop() {
        release.countDown();
        queue.close();
        callers.shutdownNow();
    }

    @Test
    void textsThatArriveDuringARunShareTheNextOne() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofSeconds(30));
        Future<List<float[]>> first = callers.submit(() -> queue.embed(List.of("1")));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<List<float[]>>> later = IntStream.rangeClosed(2, 6)
                .mapToObj(i -> callers.submit(() -> queue.embed(List.of(String.valueOf(i))))).toList();
        awaitWaiting(5);
        holding = false;
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS).get(0)).containsExactly(1f);
        for (int i = 0; i < later.size(); i++) {
            assertThat(later.get(i).get(10, TimeUnit.SECONDS).get(0)).containsExactly(i + 2f);
        }
        assertThat(runs).hasSize(2);
        assertThat(runs.get(1)).hasSize(5);
    }

    @Test
    void manyTextsComeBackInOrderInRunsOfAtMostMaxRun() {
        // Room for one part at a time: a call that queued all 70 texts at once would be refused.
        queue = new EmbeddingQueue(this::model, 1, EmbeddingQueue.MAX_RUN, Duration.ofSeconds(30));
        List<String> texts = IntStream.range(0, 70).mapToObj(String::valueOf).toList();

        List<float[]> vectors = queue.embed(texts);

        assertThat(vectors).hasSize(70);
        for (int i = 0; i < 70; i++) {
            assertThat(vectors.get(i)).containsExactly((float) i);
        }
        assertThat(runs).allSatisfy(run -> assertThat(run.size()).isLessThanOrEqualTo(EmbeddingQueue.MAX_RUN));
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 2, Duration.ofSeconds(30));
        callers.submit(() -> queue.embed(List.of("1")));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        callers.submit(() -> queue.embed(List.of("2")));
        callers.submit(() -> queue.embed(List.of("3")));
        awaitWaiting(2);

        assertThatThrownBy(() -> queue.embed(List.of("4"))).isInstanceOf(EmbeddingsBusyException.class)
                .hasMessageContaining("2 others are already waiting");
    }

    @Test
    void aTextThatWaitsTooLongIsRefusedAndNeverRun() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofMillis(200));
        callers.submit(() -> queue.embed(List.of("1")));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> queue.embed(List.of("2"))).isInstanceOf(EmbeddingsBusyException.class)
                .hasMessageContaining("no turn within");
        holding = false;
        release.countDown();
        assertThat(queue.embed(List.of("3")).get(0)).containsExactly(3f);
        assertThat(runs).allSatisfy(run -> assertThat(run).doesNotContain("2"));
    }

    @Test
    void aTextTheModelRefusesFailsOnlyItsOwnCaller() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofSeconds(30));
        callers.submit(() -> queue.embed(List.of("1")));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<List<float[]>> before = callers.submit(() -> queue.embed(List.of("2")));
        Future<List<float[]>> refused = callers.submit(() -> queue.embed(List.of("not a number")));
        Future<List<float[]>> after = callers.submit(() -> queue.embed(List.of("4")));
        awaitWaiting(3);
        holding = false;
        release.countDown();

        assertThat(before.get(10, TimeUnit.SECONDS).get(0)).containsExactly(2f);
        assertThat(after.get(10, TimeUnit.SECONDS).get(0)).containsExactly(4f);
        assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NumberFormatException.class);
        assertThat(runs.get(1)).hasSize(3);
    }

    @Test
    void aSubmittedTextRunsWhileItsCallerGoesOnAndIsWaitedForLater() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofSeconds(30));

        EmbeddingQueue.Waiting submitted = queue.submit("5");

        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(submitted.whenDone()).as("returned while its run is held").isNotDone();
        holding = false;
        release.countDown();
        assertThat(submitted.vector()).containsExactly(5f);
        assertThat(runs).containsExactly(List.of("5"));
    }

    @Test
    void aSubmittedTextGivenUpOnIsNeverRun() throws Exception {
        holding = true;
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofSeconds(30));
        callers.submit(() -> queue.embed(List.of("1")));
        assertThat(firstRunStarted.await(10, TimeUnit.SECONDS)).isTrue();
        EmbeddingQueue.Waiting givenUp = queue.submit("2");

        givenUp.abandon();
        holding = false;
        release.countDown();

        assertThat(queue.embed(List.of("3")).get(0)).containsExactly(3f);
        assertThat(runs).allSatisfy(run -> assertThat(run).doesNotContain("2"));
        assertThatThrownBy(givenUp::vector).isInstanceOf(EmbeddingsBusyException.class);
    }

    @Test
    void aClosedQueueRefusesNewTexts() {
        queue = new EmbeddingQueue(this::model, 1, 100, Duration.ofSeconds(30));
        queue.close();

        assertThatThrownBy(() -> queue.embed(List.of("1"))).isInstanceOf(EmbeddingsBusyException.class)
                .hasMessageContaining("stopping");
    }

    private void awaitWaiting(int texts) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.waiting() < texts && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        assertThat(queue.waiting()).isEqualTo(texts);
    }
}
