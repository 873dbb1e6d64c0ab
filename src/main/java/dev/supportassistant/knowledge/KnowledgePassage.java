package dev.supportassistant.knowledge;

import org.jspecify.annotations.Nullable;

/**
 * One searchable piece of a help article: a section with its heading, found for a query.
 *
 * @param chunkId stable id of the passage, {@code <article-slug>#<section-number>}
 * @param articleTitle the article's title
 * @param sectionTitle the section's heading, or the article title for its introduction
 * @param text the section's Markdown text, without its heading
 * @param relevance how much of the query the passage covers, 0.0 (nothing) to 1.0 (every term),
 *     weighted by how rare each term is; comparable across queries, unlike the ranking score
 * @param url the web page the passage was read from (a web source's page); absent for articles and
 *     uploaded documents
 */
public record KnowledgePassage(String chunkId, String articleTitle, String sectionTitle, String text,
        double relevance, @Nullable String url) {

    /** A passage of an article or uploaded document, which has no web address. */
    public KnowledgePassage(String chunkId, String articleTitle, String sectionTitle, String text, double relevance) {
        this(chunkId, articleTitle, sectionTitle, text, relevance, null);
    }
}
