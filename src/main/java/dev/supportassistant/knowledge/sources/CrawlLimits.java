package dev.supportassistant.knowledge.sources;

import java.time.Duration;

/**
 * How much one sync of a web source may fetch, and how fast.
 *
 * @param maxPages the most pages read from one source
 * @param requestsPerSecond the most requests per second to its host (robots.txt's {@code Crawl-delay}
 *     slows it further)
 * @param maxPageBytes the largest response read; a larger one is an error of that page, unread
 * @param timeout how long to wait for a connection, and then for the response's headers
 */
public record CrawlLimits(int maxPages, double requestsPerSecond, int maxPageBytes, Duration timeout) {
}
