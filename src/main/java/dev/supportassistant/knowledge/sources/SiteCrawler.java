package dev.supportassistant.knowledge.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.supportassistant.knowledge.formats.HtmlText;
import dev.supportassistant.knowledge.formats.ReadDocument;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Reads one web source: a sitemap's pages (a URL ending in {@code .xml}), a site or section crawled
 * from its root (a URL ending in {@code /}) by following links within its host and path prefix, or
 * a single page (any other URL). robots.txt is read first (crawler-commons, as Apache Nutch reads it)
 * and every URL it disallows is left alone; requests are paced by a Bucket4j bucket to the rate the
 * limits allow (or robots.txt's {@code Crawl-delay}, when slower); redirects are followed only
 * within the source's scope; each response is read up to the size limit and no further.
 */
public final class SiteCrawler {

    /** The name robots.txt rules are matched against, and the start of the User-Agent header. */
    public static final String ROBOT_NAME = "SupportAssistantBot";
    private static final String USER_AGENT = ROBOT_NAME + "/1.0 (knowledge base sync)";
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_SITEMAPS = 20;
    private static final long MAX_CRAWL_DELAY_MS = 60_000;
    private static final Set<String> NOT_PAGES = Set.of("png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "css",
            "js", "zip", "gz", "mp4", "mp3", "woff", "woff2", "ttf", "json", "xml", "exe", "dmg");

    /** A page read: its address (after redirects within scope) and its text. */
    public record Page(String url, ReadDocument document) {
    }

    /**
     * What a crawl found besides the pages it handed on.
     *
     * @param read the addresses read (a redirected page's both)
     * @param gone pages that are no more: 404 or 410, disallowed by robots.txt, or without text
     * @param failed pages not read this time for a passing reason (no answer, 5xx, the page limit):
     *     what was read of them before stays
     * @param reachedStart whether the source itself (its sitemap, or its first page) could be read;
     *     when not, nothing found missing is taken as gone
     */
    public record Outcome(Set<String> read, Set<String> gone, Set<String> failed, List<String> errors,
            boolean reachedStart) {
    }

    /** Reads a non-HTML page (PDF, DOCX, text) the way uploaded files are read. */
    @FunctionalInterface
    public interface FileReader {
        ReadDocument read(String name, byte[] bytes);
    }

    private final CrawlLimits limits;
    private final HttpClient http;
    private final FileReader files;

    public SiteCrawler(CrawlLimits limits, FileReader files) {
        this.limits = limits;
        this.files = files;
        this.http = HttpClient.newBuilder().connectTimeout(limits.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Reads the source at {@code start}, handing each page read to {@code pages}, in order. */
    public Outcome crawl(String start, Consumer<Page> pages) throws InterruptedException {
        URI root = URI.create(start);
        Scope scope = Scope.of(root);
        Bucket pace = pace(limits.requestsPerSecond());
        Set<String> read = new LinkedHashSet<>();
        Set<String> gone = new LinkedHashSet<>();
        Set<String> failed = new LinkedHashSet<>();
        List<String> errors = new ArrayList<>();
        BaseRobotRules robots = robots(root, pace, errors);
        if (robots == null) {
            return new Outcome(read, gone, failed, errors, false);
        }
        if (robots.getCrawlDelay() > 0 && robots.getCrawlDelay() > 1000 / limits.requestsPerSecond()) {
            pace = pace(1000.0 / robots.getCrawlDelay());
        }
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean following = root.getPath().isEmpty() || root.getPath().endsWith("/");
        boolean reachedStart = true;
        if (root.getPath().toLowerCase(Locale.ROOT).endsWith(".xml")) {
            reachedStart = sitemap(root, pace, robots, scope, queue, errors);
        } else {
            queue.add(normal(root));
        }
        seen.addAll(queue);
        int pagesRead = 0;
        while (!queue.isEmpty() && pagesRead < limits.maxPages()) {
            String url = queue.poll();
            if (!robots.isAllowed(url)) {
                gone.add(url);
                continue;
            }
            Fetched fetched;
            try {
                fetched = fetch(url, pace, scope);
            } catch (FetchFailed notRead) {
                errors.add(url + ": " + notRead.getMessage());
                if (notRead.gone) {
                    gone.add(url);
                } else {
                    failed.add(url);
                    reachedStart &= !(url.equals(normal(root)) && pagesRead == 0);
                }
                continue;
            }
            pagesRead++;
            if (!fetched.url().equals(url) && read.contains(fetched.url())) {
                read.add(url); // a redirect to a page read already
                continue;
            }
            try {
                Page page = page(fetched, following ? link -> follow(link, scope, seen, queue) : link -> { });
                if (page != null) {
                    read.add(url);
                    read.add(page.url());
                    pages.accept(page);
                }
            } catch (ErrorResponseException unreadable) {
                errors.add(url + ": " + unreadable.getBody().getDetail());
                gone.add(url);
            }
        }
        if (!queue.isEmpty()) {
            errors.add(start + ": stopped at " + limits.maxPages() + " pages (KNOWLEDGE_CRAWL_MAX_PAGES); "
                    + queue.size() + " more were found");
            failed.addAll(queue);
        }
        return new Outcome(read, gone, failed, errors, reachedStart);
    }

    private @Nullable Page page(Fetched fetched, Consumer<String> links) {
        String type = fetched.contentType();
        if (type.contains("html")) {
            String html = new String(fetched.body(), fetched.charset());
            HtmlText.Read page = HtmlText.readWithLinks(html, fetched.url());
            page.links().forEach(links);
            return new Page(fetched.url(), page.document());
        }
        if (type.contains("pdf") || type.contains("wordprocessingml") || type.startsWith("text/")) {
            String name = fetched.url().replaceFirst("[?#].*$", "").replaceFirst("^.*/", "");
            return new Page(fetched.url(), files.read(name.isEmpty() ? "page" : name, fetched.body()));
        }
        return null; // an image, a script: nothing to answer from
    }

    private static void follow(String link, Scope scope, Set<String> seen, Deque<String> queue) {
        try {
            URI uri = new URI(link);
            String extension = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^.*\\.", "").toLowerCase(Locale.ROOT);
            if (scope.contains(uri) && !NOT_PAGES.contains(extension)) {
                String url = normal(uri);
                if (seen.add(url)) {
                    queue.add(url);
                }
            }
        } catch (URISyntaxException notALink) {
            // a link the page wrote wrongly: nothing to follow
        }
    }

    private boolean sitemap(URI url, Bucket pace, BaseRobotRules robots, Scope scope, Deque<String> queue,
            List<String> errors) throws InterruptedException {
        SiteMapParser parser = new SiteMapParser(false);
        Deque<URI> sitemaps = new ArrayDeque<>(List.of(url));
        int read = 0;
        boolean any = false;
        while (!sitemaps.isEmpty() && read < MAX_SITEMAPS) {
            URI next = sitemaps.poll();
            read++;
            try {
                Fetched fetched = fetch(normal(next), pace, Scope.of(url).host());
                AbstractSiteMap map = parser.parseSiteMap(fetched.contentType(), fetched.body(), next.toURL());
                any = true;
                if (map instanceof SiteMapIndex index) {
                    index.getSitemaps().forEach(child -> sitemaps.add(uri(child.getUrl())));
                } else if (map instanceof SiteMap pages) {
                    Collection<SiteMapURL> urls = pages.getSiteMapUrls();
                    for (SiteMapURL page : urls) {
                        URI pageUri = uri(page.getUrl());
                        if (scope.host().contains(pageUri) && robots.isAllowed(page.getUrl().toString())
                                && !queue.contains(normal(pageUri))) {
                            queue.add(normal(pageUri));
                        }
                    }
                }
            } catch (FetchFailed failed) {
                errors.add(next + ": " + failed.getMessage());
            } catch (IOException | UnknownFormatException notASitemap) {
                errors.add(next + ": not a sitemap that can be read");
            }
        }
        return any;
    }

    /** The site's robots.txt rules; absent when it could not be read (5xx, no answer): then nothing is read. */
    private @Nullable BaseRobotRules robots(URI root, Bucket pace, List<String> errors) throws InterruptedException {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(MAX_CRAWL_DELAY_MS, 10);
        String url = root.getScheme() + "://" + root.getRawAuthority() + "/robots.txt";
        try {
            Fetched fetched = fetch(url, pace, Scope.of(root).host());
            return parser.parseContent(url, fetched.body(), fetched.contentType(), List.of(ROBOT_NAME.toLowerCase(Locale.ROOT)));
        } catch (FetchFailed failed) {
            if (failed.status >= 500 || failed.status == 0) {
                errors.add(url + ": " + failed.getMessage() + "; nothing read, as the robots.txt standard asks "
                        + "when it cannot be read");
                return null;
            }
            return parser.failedFetch(failed.status); // 4xx: no robots.txt, everything allowed
        }
    }

    private record Fetched(String url, String contentType, byte[] body, Charset charset) {
    }

    /** A response that is no page: {@code gone} when the site says it does not exist (404, 410). */
    private static final class FetchFailed extends Exception {
        private final int status;
        private final boolean gone;

        FetchFailed(int status, String message) {
            super(message, null, false, false);
            this.status = status;
            this.gone = status == 404 || status == 410;
        }
    }

    private Fetched fetch(String start, Bucket pace, Scope scope) throws FetchFailed, InterruptedException {
        String url = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            pace.asBlocking().consume(1);
            HttpRequest request;
            try {
                request = HttpRequest.newBuilder(URI.create(url)).timeout(limits.timeout())
                        .header("User-Agent", USER_AGENT).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                        .GET().build();
            } catch (IllegalArgumentException badAddress) {
                throw new FetchFailed(0, "not an address that can be fetched");
            }
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException slow) {
                throw new FetchFailed(0, "no answer within " + limits.timeout().toSeconds() + " s");
            } catch (IOException unreachable) {
                throw new FetchFailed(0, "could not be reached");
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400) {
                close(response);
                String location = response.headers().firstValue("Location").orElse(null);
                URI next = location == null ? null : URI.create(url).resolve(location.strip());
                if (next == null || !scope.contains(next)) {
                    throw new FetchFailed(status, "redirected outside the source (" + status + ")");
                }
                url = normal(next);
                continue;
            }
            if (status != 200) {
                close(response);
                throw new FetchFailed(status, "answered " + status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxPageBytes()) {
                close(response);
                throw new FetchFailed(413, "larger than " + limits.maxPageBytes() + " bytes (KNOWLEDGE_CRAWL_MAX_PAGE_BYTES)");
            }
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(limits.maxPageBytes() + 1);
            } catch (IOException cut) {
                throw new FetchFailed(0, "the answer was cut off");
            }
            if (body.length > limits.maxPageBytes()) {
                throw new FetchFailed(413, "larger than " + limits.maxPageBytes() + " bytes (KNOWLEDGE_CRAWL_MAX_PAGE_BYTES)");
            }
            String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            return new Fetched(url, type, body, charset(type));
        }
        throw new FetchFailed(310, "more than " + MAX_REDIRECTS + " redirects");
    }

    private static Charset charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at >= 0) {
            try {
                return Charset.forName(contentType.substring(at + 8).replaceAll("[\";].*$", "").strip());
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the connection is dropped either way
        }
    }

    private static Bucket pace(double perSecond) {
        long nanos = Math.max(1, Math.round(1_000_000_000L / perSecond));
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(1).refillIntervally(1, Duration.ofNanos(nanos))
                .build()).build();
    }

    private static URI uri(URL url) {
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            return URI.create("about:blank");
        }
    }

    /** A URL without its fragment, the form pages are stored and compared in. */
    static String normal(URI uri) {
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), uri.getRawAuthority().toLowerCase(Locale.ROOT),
                    null, null, null).toString() + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (URISyntaxException | NullPointerException notAbsolute) {
            return uri.toString();
        }
    }

    /** What a source may read: its scheme, host and port, and pages under its path prefix. */
    private record Scope(String scheme, String authority, String prefix) {

        static Scope of(URI root) {
            String path = root.getRawPath() == null || root.getRawPath().isEmpty() ? "/" : root.getRawPath();
            return new Scope(root.getScheme().toLowerCase(Locale.ROOT), root.getRawAuthority().toLowerCase(Locale.ROOT),
                    path.substring(0, path.lastIndexOf('/') + 1));
        }

        Scope host() {
            return new Scope(scheme, authority, "/");
        }

        boolean contains(URI uri) {
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return false;
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getScheme().equalsIgnoreCase(scheme) && uri.getRawAuthority().equalsIgnoreCase(authority)
                    && path.startsWith(prefix);
        }
    }
}
