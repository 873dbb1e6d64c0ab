package dev.supportassistant.knowledge;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled {@code KNOWLEDGE_ENABLED}: false turns retrieval off (no articles are ingested or
 *     searched; providers answer from their own knowledge, the local agent asks for details), for
 *     deployments that use the service as a plain gateway
 * @param dir {@code KNOWLEDGE_DIR}: a folder of Markdown ({@code .md}) and text ({@code .txt})
 *     articles to answer from; empty for the starter articles bundled with the service
 */
@ConfigurationProperties("support.knowledge")
record KnowledgeSettings(boolean enabled, @Nullable String dir) {
}
