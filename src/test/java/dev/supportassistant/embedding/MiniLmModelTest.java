package dev.supportassistant.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The tuned session runs the very model the library ships (the int8 build): the same texts give the
 * same vectors, whatever other texts are embedded in the same call.
 */
class MiniLmModelTest {

    private static final List<String> TEXTS = List.of("How do I reset my password?",
            "I don't understand, where is that button??", "Thanks, that worked.",
            "The invoice for March shows the wrong VAT number and I cannot download it as a PDF.");

    @Test
    void givesTheVectorsOfTheLibrarysOwnModel() {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        EmbeddingModel tuned = MiniLmModel.shared().join();
        for (String text : TEXTS) {
            float[] expected = reference.embed(text).content().vector();
            float[] actual = tuned.embed(text).content().vector();
            assertThat(actual).hasSize(SentenceEmbeddings.DIMENSIONS);
            assertThat(cosine(expected, actual)).as(text).isGreaterThan(0.9999);
        }
        var batch = tuned.embedAll(TEXTS.stream().map(TextSegment::from).toList()).content();
        assertThat(batch).hasSize(TEXTS.size());
        assertThat(cosine(batch.get(1).vector(), tuned.embed(TEXTS.get(1)).content().vector())).isGreaterThan(0.9999);
        assertThat(cosine(batch.get(0).vector(), batch.get(2).vector())).isLessThan(0.9);
    }

    @Test
    void embedsTextsTogetherAsTheLibraryEmbedsThemOneByOne() {
        EmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        String long_ = "My invoice shows the wrong VAT number again. ".repeat(80);
        List<String> texts = List.of(TEXTS.get(3), "Thanks!", long_, TEXTS.get(0), TEXTS.get(1), "ok", TEXTS.get(2),
                "Where do I find the export button in the reports section of the dashboard?");

        List<float[]> together = MiniLmModel.shared().join().embedTogether(texts);

        assertThat(together).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertThat(cosine(expected, together.get(i))).as(texts.get(i)).isGreaterThan(0.9999);
        }
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
