package dev.supportassistant.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SentenceEmbeddingsTest {

    private final List<SentenceEmbeddings> created = new ArrayList<>();

    @AfterEach
    void close() {
        created.forEach(SentenceEmbeddings::close);
    }

    private SentenceEmbeddings embeddings() {
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        created.add(embeddings);
        return embeddings;
    }

    /**
     * Tests start many application contexts in one JVM. When each loaded its own model, the JVM's
     * exit could overlap a load, and the ONNX runtime crashed it (exit code 134) after every test
     * had passed. One model per JVM, loaded once, closes that window.
     */
    @Test
    void everyInstanceUsesTheOneModelOfTheJvm() {
        SentenceEmbeddings first = embeddings();
        SentenceEmbeddings second = embeddings();

        assertThat(first.model()).isSameAs(second.model()).isSameAs(MiniLmModel.shared().join());
    }

    /**
     * Loading the model is no text's turn: a text asked for meanwhile waits for the load without
     * a deadline (before, its 10 s ran during the load, and a start on a busy machine refused the
     * confusion examples and, with them, every later message), then gets its turn as usual.
     */
    @Test
    void aTextAskedForWhileTheModelLoadsWaitsForTheLoadWithoutADeadline() {
        CompletableFuture<MiniLmModel> loading = new CompletableFuture<>();
        SentenceEmbeddings embeddings = new SentenceEmbeddings(loading, Duration.ofSeconds(10));
        CompletableFuture<float[]> vector = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                vector.complete(embeddings.embed("How do I reset my password?"));
            } catch (RuntimeException refused) {
                vector.completeExceptionally(refused);
            }
        });
        caller.start();
        while (caller.isAlive() && caller.getState() != Thread.State.WAITING
                && caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }

        assertThat(caller.getState()).as("waiting for the model, without a deadline").isEqualTo(Thread.State.WAITING);
        loading.complete(MiniLmModel.shared().join());
        assertThat(vector.join()).hasSize(SentenceEmbeddings.DIMENSIONS);
        embeddings.close();
    }

    /** A turn prepares its message's vector while it does other work, and embeds it afterwards. */
    @Test
    void aPreparedTextIsFoundByTheLaterEmbedAndIsTheSameVector() {
        SentenceEmbeddings embeddings = embeddings();
        embeddings.model();
        String text = "My invoice shows the wrong amount";

        embeddings.prepare(text);
        float[] prepared = embeddings.embed(text);

        assertThat(prepared).containsExactly(embeddings().embed(text), within(1e-6f));
        assertThat(embeddings.embed(text)).isSameAs(prepared);
    }

    /** Preparing is a head start, never a refusal: the later embed refuses if it must. */
    @Test
    void prepareNeverRefuses() {
        SentenceEmbeddings embeddings = embeddings();
        embeddings.model();
        embeddings.close();

        embeddings.prepare("Where do I change my e-mail address?");

        assertThatThrownBy(() -> embeddings.embed("Where do I change my e-mail address?"))
                .isInstanceOf(EmbeddingsBusyException.class);
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        SentenceEmbeddings embeddings = embeddings();
        float[] reset = embeddings.embed("How do I reset my password?");
        float[] forgot = embeddings.embed("I forgot my password and cannot log in");
        float[] invoice = embeddings.embed("Where can I download last month's invoice?");

        assertThat(SentenceEmbeddings.similarity(reset, reset)).isCloseTo(1.0, within(1e-5));
        assertThat(SentenceEmbeddings.similarity(reset, forgot)).isGreaterThan(SentenceEmbeddings.similarity(reset, invoice));
        assertThat(embeddings.embed("How do I reset my password?")).isSameAs(reset);
    }
}
