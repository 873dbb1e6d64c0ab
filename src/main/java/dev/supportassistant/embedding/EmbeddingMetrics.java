package dev.supportassistant.embedding;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** How many texts wait for the embedding model (see {@link SentenceEmbeddings}). */
@Component
class EmbeddingMetrics {

    static final String WAITING = "support.embedding.waiting";

    EmbeddingMetrics(SentenceEmbeddings embeddings, MeterRegistry registry) {
        Gauge.builder(WAITING, embeddings, SentenceEmbeddings::waiting)
                .description("Texts waiting for the embedding model (at most "
                        + SentenceEmbeddings.MAX_WAITING + ", then 503)")
                .register(registry);
    }
}
