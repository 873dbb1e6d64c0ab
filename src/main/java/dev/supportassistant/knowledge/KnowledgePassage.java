package dev.supportassistant.knowledge;

/**
 * One searchable piece of a help article: a section with its heading, found for a query.
 *
 * @param chunkId stable id of the passage, {@code <article-slug>#<section-number>}
 * @param articleTitle the article's title
 * @param sectionTitle the section's heading, or the article title for its introduction
 * @param text the section's Markdown text, without its heading
 * @param relevance how much of the query the passage covers, 0.0 (nothing) to 1.0 (every term),
 *     weighted by how rare each term is; comparable across queries, unlike the ranking score
 */
public record KnowledgePassage(String chunkId, String articleTitle, String sectionTitle, String text,
        double relevance) {
}
