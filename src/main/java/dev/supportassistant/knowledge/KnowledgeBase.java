package dev.supportassistant.knowledge;

import java.util.List;

/**
 * The product knowledge the assistant answers from: help articles split into passages, found by
 * meaning and by words.
 */
public interface KnowledgeBase {

    /**
     * Relevance from which a passage answers the question well enough to be given as the answer;
     * below it, the best passage is a guess. At 0.4, 96% of the evaluation questions whose first
     * passage is the right section reach it, and messages outside the articles ("How do I reset my
     * flux capacitor?", 0.34) do not (bench/RESULTS.md).
     */
    double CONFIDENT_RELEVANCE = 0.4;

    /**
     * The passages that best match the query, best first, at most {@code limit}; passages that
     * share nothing with the query are left out. Compare {@link KnowledgePassage#relevance()} with
     * a threshold to decide whether the best one really answers the question.
     */
    List<KnowledgePassage> search(String query, int limit);

    /** The titles of all documents, for telling a customer what the assistant can help with. */
    List<String> topics();
}
