package dev.supportassistant.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A web source of the knowledge base as operators see it: where it is read from, how its last sync
 * went, and the pages it holds.
 *
 * @param origin {@code setting} ({@code KNOWLEDGE_SOURCES}) or {@code console} (added by an operator)
 * @param kind {@code sitemap}, {@code site} (crawled from its root) or {@code page}
 * @param syncing whether a sync of it is under way (on any instance)
 * @param lastSync the last sync that ended; absent before the first
 * @param pages its pages, by address
 */
public record WebSource(String id, String url, String origin, String kind, boolean syncing,
        @Nullable LastSync lastSync, List<KnowledgeDocument> pages) {

    /** How the last sync went: pages added, changed, unchanged (not embedded again) and removed, and its errors. */
    public record LastSync(Instant at, int added, int changed, int unchanged, int removed, int chunksEmbedded,
            List<String> errors) {
    }

    static String kind(String url) {
        String path = java.net.URI.create(url).getPath();
        return path == null || path.isEmpty() || path.endsWith("/") ? "site"
                : path.toLowerCase(java.util.Locale.ROOT).endsWith(".xml") ? "sitemap" : "page";
    }
}
