package dev.supportassistant.knowledge;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Hybrid search over the chunks of one knowledge-base revision: meaning (cosine similarity of
 * sentence embeddings) and words (BM25 with coverage of the query's terms). Meaning finds
 * "I forgot my login credentials" in a password-reset article; words keep exact error codes and
 * product terms such as {@code 0x80070005} ranking first. Immutable; a new revision builds a new index.
 */
final class SearchIndex {

    /** Weight of meaning in a chunk's relevance; the rest is lexical coverage. */
    static final double SEMANTIC_WEIGHT = 0.6;

    private final List<StoredChunk> chunks;
    private final LexicalIndex lexical;

    SearchIndex(List<StoredChunk> chunks) {
        this.chunks = List.copyOf(chunks);
        this.lexical = new LexicalIndex(chunks.stream().map(chunk -> passage(chunk, 0)).toList());
    }

    int size() {
        return chunks.size();
    }

    /** Best first; a query with no content words ("how do I do this?") finds nothing. */
    List<KnowledgePassage> search(String query, float[] queryEmbedding, int limit) {
        if (TextTerms.of(query).isEmpty()) {
            return List.of();
        }
        Map<String, Double> coverage = new HashMap<>();
        lexical.search(query, chunks.size()).forEach(hit -> coverage.put(hit.passage().chunkId(), hit.coverage()));
        return chunks.stream()
                .map(chunk -> {
                    double semantic = Math.max(0, SentenceEmbeddings.similarity(queryEmbedding, chunk.embedding()));
                    double relevance = SEMANTIC_WEIGHT * semantic
                            + (1 - SEMANTIC_WEIGHT) * coverage.getOrDefault(chunk.id(), 0.0);
                    return passage(chunk, Math.round(Math.min(1, relevance) * 1000) / 1000.0);
                })
                .filter(passage -> passage.relevance() > 0)
                .sorted(Comparator.comparingDouble(KnowledgePassage::relevance).reversed())
                .limit(limit)
                .toList();
    }

    private static KnowledgePassage passage(StoredChunk chunk, double relevance) {
        return new KnowledgePassage(chunk.id(), chunk.documentTitle(), chunk.heading(), chunk.content(), relevance);
    }
}
