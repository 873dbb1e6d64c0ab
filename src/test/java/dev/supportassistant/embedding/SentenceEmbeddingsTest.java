package dev.supportassistant.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SentenceEmbeddingsTest {

    /**
     * Tests start many application contexts in one JVM. When each loaded its own model, the JVM's
     * exit could overlap a load, and the ONNX runtime crashed it (exit code 134) after every test
     * had passed. One model per JVM, loaded once, closes that window.
     */
    @Test
    void everyInstanceUsesTheOneModelOfTheJvm() {
        SentenceEmbeddings first = new SentenceEmbeddings();
        SentenceEmbeddings second = new SentenceEmbeddings();

        assertThat(first.model()).isSameAs(second.model()).isSameAs(MiniLmModel.shared().join());
    }

    @Test
    void similarMeaningsAreCloserThanUnrelatedOnes() {
        SentenceEmbeddings embeddings = new SentenceEmbeddings();
        float[] reset = embeddings.embed("How do I reset my password?");
        float[] forgot = embeddings.embed("I forgot my password and cannot log in");
        float[] invoice = embeddings.embed("Where can I download last month's invoice?");

        assertThat(SentenceEmbeddings.similarity(reset, reset)).isCloseTo(1.0, within(1e-5));
        assertThat(SentenceEmbeddings.similarity(reset, forgot)).isGreaterThan(SentenceEmbeddings.similarity(reset, invoice));
        assertThat(embeddings.embed("How do I reset my password?")).isSameAs(reset);
    }
}
