package dev.supportassistant.knowledge;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A document of the knowledge base as the admin endpoints list it.
 *
 * @param origin {@code folder} (read from {@code KNOWLEDGE_DIR} or the bundled articles) or
 *     {@code api} (posted to {@code /api/v1/docs})
 * @param sourceFile the file a folder document was read from; absent for posted documents
 * @param chunks how many searchable chunks it was split into
 */
public record KnowledgeDocument(String id, String title, String origin, @Nullable String sourceFile, int chunks, Instant createdAt) {
}
