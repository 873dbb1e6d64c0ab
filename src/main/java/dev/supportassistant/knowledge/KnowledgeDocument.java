package dev.supportassistant.knowledge;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A document of the knowledge base as the admin endpoints list it.
 *
 * @param origin {@code folder} (read from {@code KNOWLEDGE_DIR} or the bundled articles), {@code api}
 *     (posted to {@code /api/v1/docs} or uploaded in the console) or {@code web} (a web source's page)
 * @param sourceFile the file a folder document was read from; absent for the others
 * @param chunks how many searchable chunks it was split into
 * @param createdAt when it was added; for a web page, when its current text was read
 * @param url a web source's page: its address; absent for the others
 */
public record KnowledgeDocument(String id, String title, String origin, @Nullable String sourceFile, int chunks,
        Instant createdAt, @Nullable String url) {

    public KnowledgeDocument(String id, String title, String origin, @Nullable String sourceFile, int chunks,
            Instant createdAt) {
        this(id, title, origin, sourceFile, chunks, createdAt, null);
    }
}
