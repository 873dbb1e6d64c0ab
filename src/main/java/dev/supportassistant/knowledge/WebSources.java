package dev.supportassistant.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.knowledge.formats.DocumentReader;
import dev.supportassistant.knowledge.formats.ReadDocument;
import dev.supportassistant.knowledge.sources.SiteCrawler;

/**
 * The knowledge base's web sources: {@code KNOWLEDGE_SOURCES} and those operators add, each read
 * ({@link SiteCrawler}) when added, every {@code KNOWLEDGE_SYNC_INTERVAL}, and on demand ("Sync
 * now"). A page whose content hash is unchanged is not embedded again (counted as unchanged); a
 * changed page replaces its sections; a page gone from the source loses them. With several
 * instances on one database, one syncs a source at a time: it holds the source's lease
 * ({@link SourceStore#claim}), which another instance's sync finds taken.
 */
@Service
public class WebSources implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebSources.class);
    /** How long a sync holds its source before another instance may take it over; extended as it goes. */
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration CHECK_EVERY = Duration.ofMinutes(5);

    private final SourceStore sources;
    private final KnowledgeStore knowledge;
    private final DocumentLibrary library;
    private final SourceSettings settings;
    private final KnowledgeSettings knowledgeSettings;
    private final SiteCrawler crawler;
    private final ScheduledExecutorService syncing = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "knowledge-sync");
        thread.setDaemon(true);
        return thread;
    });

    WebSources(SourceStore sources, KnowledgeStore knowledge, DocumentLibrary library, SourceSettings settings,
            KnowledgeSettings knowledgeSettings, DocumentReader reader) {
        this.sources = sources;
        this.knowledge = knowledge;
        this.library = library;
        this.settings = settings;
        this.knowledgeSettings = knowledgeSettings;
        this.crawler = new SiteCrawler(settings.crawlLimits(), reader::read);
    }

    /** Brings the sources of {@code KNOWLEDGE_SOURCES} into the database and starts the schedule. */
    @Override
    public void afterSingletonsInstantiated() {
        if (!knowledgeSettings.enabled()) {
            return;
        }
        Set<String> configured = new HashSet<>(settings.urls());
        settings.urls().forEach(url -> sources.add(url, SourceStore.SETTING));
        sources.all().stream().filter(row -> row.origin().equals(SourceStore.SETTING) && !configured.contains(row.url()))
                .forEach(row -> sources.delete(row.id()));
        long every = Math.min(settings.syncInterval().toSeconds(), CHECK_EVERY.toSeconds());
        syncing.scheduleWithFixedDelay(this::syncDue, 10, every, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        syncing.shutdownNow();
    }

    public List<WebSource> list() {
        Instant now = Instant.now();
        return sources.all().stream().map(row -> view(row, now)).toList();
    }

    /**
     * Adds a source, to be read at once ({@link #requestSync}).
     *
     * @throws ErrorResponseException 422 for an address that is not http(s) with a host
     */
    public WebSource add(String url) {
        String address = url.strip();
        if (!SourceSettings.isWebAddress(address)) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "url: expected an http:// or https:// address of a page, a "
                    + "sitemap (.xml) or a site (ending in /), at most 2000 characters");
        }
        SourceStore.Row row = sources.add(address, SourceStore.CONSOLE);
        return view(row, Instant.now());
    }

    /**
     * Removes a source added in the console, with its pages.
     *
     * @throws ErrorResponseException 404 when there is none, 409 for a source of {@code KNOWLEDGE_SOURCES}
     */
    public void remove(String id) {
        SourceStore.Row row = sources.find(id).orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "Source not found"));
        if (row.origin().equals(SourceStore.SETTING)) {
            throw refusal(HttpStatus.CONFLICT, "This source comes from KNOWLEDGE_SOURCES: remove it there and restart");
        }
        sources.delete(id);
    }

    /**
     * Starts a sync of the source in the background, unless one is under way.
     *
     * @return whether one was started
     * @throws ErrorResponseException 404 when there is no such source
     */
    public boolean requestSync(String id) {
        SourceStore.Row row = sources.find(id).orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "Source not found"));
        if (underWay(row, Instant.now()) || !knowledgeSettings.enabled()) {
            return false;
        }
        syncing.execute(() -> {
            try {
                sync(id);
            } catch (ErrorResponseException alreadyUnderWay) {
                log.debug("Source {} is being synced already", id);
            }
        });
        return true;
    }

    /**
     * Reads the source now, on the caller's thread.
     *
     * @throws ErrorResponseException 404 when there is no such source, 409 while another sync of it is
     *     under way (here or on another instance)
     */
    public SyncReport sync(String id) {
        SourceStore.Row row = sources.find(id).orElseThrow(() -> refusal(HttpStatus.NOT_FOUND, "Source not found"));
        Instant started = KnowledgeStore.now();
        if (!sources.claim(id, started, started.plus(LEASE))) {
            throw refusal(HttpStatus.CONFLICT, "A sync of this source is under way");
        }
        SyncReport report;
        try {
            report = read(row, started);
        } catch (InterruptedException shuttingDown) {
            Thread.currentThread().interrupt();
            report = new SyncReport(0, 0, 0, 0, 0, List.of(row.url() + ": stopped, the service is shutting down"),
                    KnowledgeStore.now());
        } catch (RuntimeException failed) {
            log.warn("Sync of knowledge source {} failed", row.url(), failed);
            report = new SyncReport(0, 0, 0, 0, 0, List.of(row.url() + ": the sync failed (" + failed.getClass()
                    .getSimpleName() + "); see the service's log"), KnowledgeStore.now());
        }
        sources.finish(id, report);
        log.info("Knowledge source {}: {} pages added, {} changed, {} unchanged, {} removed, {} chunks embedded, {} errors",
                row.url(), report.added(), report.changed(), report.unchanged(), report.removed(),
                report.chunksEmbedded(), report.errors().size());
        return report;
    }

    /** Syncs every source that is due, one after another. */
    void syncDue() {
        try {
            Instant now = Instant.now();
            for (String id : sources.due(now.minus(settings.syncInterval()), now)) {
                try {
                    sync(id);
                } catch (ErrorResponseException takenOrGone) {
                    log.debug("Source {} was taken by another sync or removed", id);
                }
            }
        } catch (RuntimeException failed) {
            // The schedule must survive a database that is briefly unreachable.
            log.warn("Scheduled knowledge sync failed", failed);
        }
    }

    private SyncReport read(SourceStore.Row row, Instant started) throws InterruptedException {
        Map<String, KnowledgeStore.StoredPage> known = knowledge.pages(row.id());
        int[] counts = new int[4]; // added, changed, unchanged, chunks embedded
        Instant[] extended = {started};
        SiteCrawler.Outcome outcome = crawler.crawl(row.url(), page -> {
            ReadDocument document = page.document();
            String title = document.title() != null ? document.title() : page.url();
            String hash = DocumentLibrary.pageHash(title, document.markdown());
            KnowledgeStore.StoredPage stored = known.get(page.url());
            if (stored != null && stored.contentHash().equals(hash)) {
                counts[2]++;
            } else {
                KnowledgeDocument added = library.storePage(row.id(), stored == null ? null : stored.id(), page.url(),
                        title, document.markdown(), hash);
                counts[stored == null ? 0 : 1]++;
                counts[3] += added.chunks();
            }
            Instant now = Instant.now();
            if (Duration.between(extended[0], now).compareTo(Duration.ofMinutes(1)) > 0) {
                sources.extend(row.id(), started, now.plus(LEASE));
                extended[0] = now;
            }
        });
        int removed = 0;
        for (KnowledgeStore.StoredPage page : known.values()) {
            boolean missing = !outcome.read().contains(page.url()) && !outcome.failed().contains(page.url());
            if (outcome.gone().contains(page.url()) || (outcome.reachedStart() && missing)) {
                if (knowledge.delete(page.id())) {
                    removed++;
                }
            }
        }
        return new SyncReport(counts[0], counts[1], counts[2], removed, counts[3], new ArrayList<>(outcome.errors()),
                KnowledgeStore.now());
    }

    private WebSource view(SourceStore.Row row, Instant now) {
        WebSource.LastSync last = row.lastSyncAt() == null ? null : new WebSource.LastSync(row.lastSyncAt(),
                row.added(), row.changed(), row.unchanged(), row.removed(), row.chunksEmbedded(),
                row.errors() == null ? List.of() : Arrays.asList(row.errors().split("\n")));
        return new WebSource(row.id(), row.url(), row.origin(), WebSource.kind(row.url()), underWay(row, now), last,
                knowledge.pageDocuments(row.id()));
    }

    private static boolean underWay(SourceStore.Row row, Instant now) {
        return row.leaseUntil() != null && row.leaseUntil().isAfter(now);
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
