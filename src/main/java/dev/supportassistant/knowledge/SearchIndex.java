package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Hybrid search over the chunks of one knowledge-base revision: meaning (cosine similarity of
 * sentence embeddings) and words (BM25 with coverage of the query's terms). Meaning finds
 * "I forgot my login credentials" in a password-reset article; words keep exact error codes and
 * product terms such as {@code 0x80070005} ranking first. A chunk's meaning is read from the whole
 * chunk and from its best-matching part (its heading with keywords, one of the author's example
 * questions, or one of its lines), half each: a short question usually matches one step, one
 * heading or one way of asking, and the whole chunk keeps a stray line of another topic from
 * winning alone. A chunk that lies close to many others' lines
 * (a "hub", see {@link Hubness}) has part of that closeness taken off its meaning, so the section
 * that matches a question specifically is not outranked by one that resembles every question of
 * its kind. Weights measured on the retrieval evaluation set (bench/RESULTS.md). Immutable; a new
 * revision builds a new index.
 */
final class SearchIndex {

    /** Weight of meaning in a chunk's relevance; the rest is lexical coverage. */
    static final double SEMANTIC_WEIGHT = 0.8;
    /**
     * Added when the chunk contains the codes the customer quotes (E1002, 429, 0x80070005): a code
     * names one problem exactly, whatever the words around it resemble.
     */
    static final double CODE_BONUS = 0.1;
    /** Share of the meaning taken from the whole chunk; the rest from its best part. */
    static final double WHOLE_CHUNK_SHARE = 0.5;
    /** How much of a chunk's hubness, above the average chunk's, is taken off its meaning. */
    static final double HUBNESS_PENALTY = 0.2;
    /** The nearest parts of other chunks a chunk's hubness is the mean similarity to. */
    static final int HUBNESS_NEIGHBOURS = 20;
    /**
     * At most this many parts of other chunks, evenly spread, are compared with each chunk, so a
     * large knowledge base still indexes in a fraction of a second (all 517 of the bundled ones are).
     */
    static final int HUBNESS_SAMPLE = 1000;

    private final List<StoredChunk> chunks;
    /** Each chunk's text as customers read it, by chunk id: computed once, not per search. */
    private final Map<String, String> shown = new HashMap<>();
    /** Each chunk's hubness above the average, by chunk id; see {@link Hubness}. */
    private final Map<String, Double> hubness;
    private final LexicalIndex lexical;
    private final Vocabulary vocabulary;

    SearchIndex(List<StoredChunk> chunks) {
        this.chunks = List.copyOf(chunks);
        chunks.forEach(chunk -> shown.put(chunk.id(), SectionText.shown(chunk.content())));
        this.hubness = Hubness.aboveAverage(this.chunks, HUBNESS_NEIGHBOURS, HUBNESS_SAMPLE);
        this.lexical = new LexicalIndex(chunks.stream()
                .map(chunk -> new LexicalIndex.Source(passage(chunk, 0), SectionText.searchedWords(chunk.content())))
                .toList());
        this.vocabulary = new Vocabulary(chunks.stream()
                .map(chunk -> chunk.documentTitle() + "\n" + chunk.heading() + "\n" + chunk.content()).toList());
    }

    /** The query with its misspelt words corrected to the words of these chunks; see {@link Vocabulary}. */
    String corrected(String query) {
        return vocabulary.corrected(query);
    }

    int size() {
        return chunks.size();
    }

    /** Vectors held, over all chunks. */
    int embeddedTexts() {
        return chunks.stream().mapToInt(chunk -> chunk.vectors().size()).sum();
    }

    /**
     * Best first, for the customer's message as typed: its misspelt words are corrected before
     * both sides see it, so a typo neither misses the words nor shifts the meaning.
     */
    List<KnowledgePassage> search(String query, SentenceEmbeddings embeddings, int limit) {
        String corrected = corrected(query);
        Optional<MainProblem> marked = MainProblem.of(corrected);
        List<KnowledgePassage> whole = search(corrected, embeddings.embed(corrected), limit);
        if (marked.isEmpty()) {
            return whole;
        }
        List<KnowledgePassage> main = search(marked.get().main(), embeddings.embed(marked.get().main()), limit);
        if (main.isEmpty() || main.get(0).relevance() < KnowledgeBase.CONFIDENT_RELEVANCE) {
            // Too little said in the marked part alone: the whole message tells more.
            return whole;
        }
        List<KnowledgePassage> found = new ArrayList<>(main);
        // The other problem's best section comes second: a follow-up with its own source.
        search(marked.get().rest(), embeddings.embed(marked.get().rest()), 1).stream()
                .filter(other -> other.relevance() >= KnowledgeBase.CONFIDENT_RELEVANCE)
                .filter(other -> found.stream().limit(1).noneMatch(passage -> passage.chunkId().equals(other.chunkId())))
                .findFirst()
                .ifPresent(other -> {
                    found.removeIf(passage -> passage.chunkId().equals(other.chunkId()));
                    found.add(Math.min(1, found.size()), other);
                });
        return found.stream().limit(limit).toList();
    }

    /** Best first; a query with no content words ("how do I do this?") finds nothing. */
    List<KnowledgePassage> search(String query, float[] queryEmbedding, int limit) {
        if (TextTerms.of(query).isEmpty()) {
            return List.of();
        }
        Map<String, LexicalIndex.Hit> words = new HashMap<>();
        lexical.search(query, chunks.size()).forEach(hit -> words.put(hit.passage().chunkId(), hit));
        return chunks.stream()
                .map(chunk -> {
                    LexicalIndex.Hit hit = words.get(chunk.id());
                    double meaning = meaning(chunk, queryEmbedding) - HUBNESS_PENALTY * hubness.get(chunk.id());
                    double relevance = SEMANTIC_WEIGHT * Math.max(0, meaning)
                            + (hit == null ? 0 : (1 - SEMANTIC_WEIGHT) * hit.coverage() + CODE_BONUS * hit.codes());
                    return passage(chunk, Math.round(Math.min(1, relevance) * 1000) / 1000.0);
                })
                .filter(passage -> passage.relevance() > 0)
                .sorted(Comparator.comparingDouble(KnowledgePassage::relevance).reversed())
                .limit(limit)
                .toList();
    }

    private static double meaning(StoredChunk chunk, float[] query) {
        List<float[]> vectors = chunk.vectors();
        double whole = SentenceEmbeddings.similarity(query, vectors.get(0));
        if (vectors.size() == 1) {
            return whole;
        }
        double bestPart = -1;
        for (int i = 1; i < vectors.size(); i++) {
            bestPart = Math.max(bestPart, SentenceEmbeddings.similarity(query, vectors.get(i)));
        }
        return WHOLE_CHUNK_SHARE * whole + (1 - WHOLE_CHUNK_SHARE) * bestPart;
    }

    private KnowledgePassage passage(StoredChunk chunk, double relevance) {
        return new KnowledgePassage(chunk.id(), chunk.documentTitle(), chunk.heading(), shown.get(chunk.id()), relevance,
                chunk.url());
    }
}
