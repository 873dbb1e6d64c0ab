package dev.supportassistant.knowledge;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import dev.supportassistant.knowledge.sources.CrawlLimits;
import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * The web sources of the knowledge base and how they are read.
 *
 * @param urls {@code KNOWLEDGE_SOURCES}: comma-separated http(s) addresses: a page, a sitemap
 *     ({@code .xml}) or a site or section to crawl (ending in {@code /})
 * @param syncInterval {@code KNOWLEDGE_SYNC_INTERVAL}: how often each source is read again
 * @param maxPages {@code KNOWLEDGE_CRAWL_MAX_PAGES}: the most pages read from one source
 * @param requestsPerSecond {@code KNOWLEDGE_CRAWL_REQUESTS_PER_SECOND}: the most requests per second
 *     to a source's host
 * @param maxPageBytes {@code KNOWLEDGE_CRAWL_MAX_PAGE_BYTES}: the largest response read
 * @param timeout {@code KNOWLEDGE_CRAWL_TIMEOUT}: the wait for a connection, and then for an answer
 */
@Validated
@ConfigurationProperties("support.knowledge.sources")
record SourceSettings(List<String> urls, Duration syncInterval, @Min(1) @Max(10_000) int maxPages,
        @DecimalMin("0.01") @DecimalMax("100") double requestsPerSecond, @Min(1024) @Max(104_857_600) int maxPageBytes,
        Duration timeout) {

    SourceSettings {
        urls = urls.stream().map(String::strip).filter(url -> !url.isEmpty()).distinct().toList();
        urls.forEach(url -> {
            if (!isWebAddress(url)) {
                throw new InvalidSettingException("KNOWLEDGE_SOURCES", url, "comma-separated http:// or https:// "
                        + "addresses of a page, a sitemap or a site");
            }
        });
        if (syncInterval.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new InvalidSettingException("KNOWLEDGE_SYNC_INTERVAL", syncInterval.toString(),
                    "a duration of at least a minute, such as 24h or 30m");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new InvalidSettingException("KNOWLEDGE_CRAWL_TIMEOUT", timeout.toString(),
                    "a duration from 1ms to 5m, such as 10s");
        }
    }

    CrawlLimits crawlLimits() {
        return new CrawlLimits(maxPages, requestsPerSecond, maxPageBytes, timeout);
    }

    /** An absolute http(s) address with a host. */
    static boolean isWebAddress(String url) {
        try {
            URI uri = URI.create(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && url.length() <= 2000;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
