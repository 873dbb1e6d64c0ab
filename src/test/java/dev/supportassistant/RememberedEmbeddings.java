package dev.supportassistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The service's sentence embeddings, with the vectors they compute remembered for the whole test
 * run. A fresh database makes every application a test starts ingest the bundled articles, about
 * 560 texts, which was most of the time each start took; the model gives the same vector for the
 * same text, so each text is embedded once per test JVM instead of once per application (the
 * confusion analyzer's and the local agent's examples, and the evaluations' messages, which pass
 * through several analyzers, too). The shared contexts import it and {@link RunningService} adds
 * it; it is a primary bean beside the service's own. Tests without a context
 * ({@code BundledKnowledge}, the confusion analyzer's) take theirs from {@link #create}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RememberedEmbeddings {

    @Bean
    @Primary
    SentenceEmbeddings rememberedSentenceEmbeddings() {
        return create();
    }

    /** Embeddings that remember what they compute with every other instance of the run, for tests without a context. */
    public static SentenceEmbeddings create() {
        return new Remembering();
    }

    /** Remembers what it computed, up to a bound, for every instance of the run. */
    private static final class Remembering extends SentenceEmbeddings {

        /** Far more than the tests embed (articles, examples, the evaluation sets, messages): about 15 MB at most. */
        private static final int MAX_TEXTS = 10_000;
        private static final Map<String, float[]> VECTORS = new ConcurrentHashMap<>();

        @Override
        public float[] embed(String text) {
            float[] vector = VECTORS.get(text);
            if (vector == null) {
                vector = super.embed(text);
                remember(text, vector);
            }
            return vector;
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            Map<String, float[]> known = new HashMap<>();
            List<String> missing = new ArrayList<>();
            for (String text : texts) {
                float[] vector = VECTORS.get(text);
                if (vector != null) {
                    known.put(text, vector);
                } else {
                    missing.add(text);
                }
            }
            if (!missing.isEmpty()) {
                List<float[]> computed = super.embedAll(missing);
                for (int i = 0; i < missing.size(); i++) {
                    known.put(missing.get(i), computed.get(i));
                    remember(missing.get(i), computed.get(i));
                }
            }
            return texts.stream().map(known::get).toList();
        }

        private static void remember(String text, float[] vector) {
            if (VECTORS.size() < MAX_TEXTS) {
                VECTORS.put(text, vector);
            }
        }
    }
}
