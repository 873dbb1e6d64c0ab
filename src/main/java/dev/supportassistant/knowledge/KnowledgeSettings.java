package dev.supportassistant.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir {@code KNOWLEDGE_DIR}: a folder of Markdown ({@code .md}) and text ({@code .txt})
 *     articles to answer from; empty for the starter articles bundled with the service
 */
@ConfigurationProperties("support.knowledge")
record KnowledgeSettings(String dir) {
}
