package dev.supportassistant.knowledge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.supportassistant.embedding.SentenceEmbeddings;
import dev.supportassistant.knowledge.formats.DocumentReader;
import dev.supportassistant.knowledge.formats.ReadDocument;

/**
 * Adds, lists and removes knowledge-base documents. Each document is split into chunks and every
 * chunk embedded once, here, at ingestion; searches only read the stored vectors. At start-up the
 * knowledge folder is brought in line with the store: new or changed files are (re)ingested,
 * unchanged ones are left alone, removed ones are deleted. Documents posted through the API, whose
 * text exists only as their stored chunks, and pages of web sources, which are fetched again only
 * at their source's next sync, are embedded again from those chunks when they were embedded another
 * way than the current {@link #INDEXING}.
 */
@Service
public class DocumentLibrary implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DocumentLibrary.class);
    static final String FOLDER = "folder";
    static final String API = "api";
    static final String WEB = "web";
    /**
     * How chunks are embedded, and by which model, stored with every document and part of a folder
     * file's and a web page's content hash: when it changes, files ingested the old way are ingested
     * again at the next start, the chunks of documents posted through the API and of web pages are
     * embedded again, and web pages count as changed at their source's next sync.
     */
    static final String INDEXING = "sections with their parts and questions embedded, 3; " + SentenceEmbeddings.MODEL;

    private final KnowledgeStore store;
    private final SentenceEmbeddings embeddings;
    private final KnowledgeFolder folder;
    private final KnowledgeSettings settings;
    private final DocumentReader reader;

    DocumentLibrary(KnowledgeStore store, SentenceEmbeddings embeddings, KnowledgeFolder folder,
            KnowledgeSettings settings, DocumentReader reader) {
        this.store = store;
        this.embeddings = embeddings;
        this.folder = folder;
        this.settings = settings;
        this.reader = reader;
    }

    /** Runs once every bean exists and before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        if (settings.enabled()) {
            synchronizeFolder();
            embedStoredDocumentsAgain();
        } else {
            log.info("Knowledge base off (KNOWLEDGE_ENABLED=false): no articles ingested or searched");
        }
    }

    public KnowledgeDocument add(String title, String content) {
        String id = UUID.randomUUID().toString();
        String slug = slug(title) + "-" + id.substring(0, 8);
        return store(id, HelpArticle.withTitle(slug, title.strip(), content), API, null, hash(title + "\n" + content));
    }

    /**
     * Adds a file: PDF, Word (.docx), HTML, Markdown or text, told from its bytes. Its title is
     * {@code title} when given, else the file's own (a PDF's or DOCX's properties, the page's
     * heading), else its name.
     *
     * @throws org.springframework.web.ErrorResponseException 413 for a file over the limits, 415 for
     *     another format, 422 for one that yields no text (a scanned PDF is said to be one)
     */
    public KnowledgeDocument addFile(@Nullable String sentName, byte[] bytes, @Nullable String title) {
        String fileName = DocumentReader.fileName(sentName);
        ReadDocument read = reader.read(fileName, bytes);
        String shown = title != null && !title.isBlank() ? title.strip()
                : read.title() != null ? read.title() : fileName.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "").strip();
        shown = shown.isEmpty() ? "Document" : shown.length() <= 500 ? shown : shown.substring(0, 499) + "…";
        return add(shown, read.markdown());
    }

    /**
     * Refuses a file by its declared size ({@code KNOWLEDGE_MAX_DOCUMENT_BYTES}) before its bytes are read.
     *
     * @throws org.springframework.web.ErrorResponseException 413
     */
    public void checkFileSize(@Nullable String sentName, long bytes) {
        reader.checkSize(DocumentReader.fileName(sentName), bytes);
    }

    public List<KnowledgeDocument> list() {
        return store.documents();
    }

    public boolean delete(String id) {
        return store.delete(id);
    }

    void synchronizeFolder() {
        Map<String, KnowledgeStore.FolderDocument> stored = store.folderDocuments();
        List<KnowledgeFolder.SourceFile> files = folder.read();
        int added = 0;
        for (KnowledgeFolder.SourceFile file : files) {
            String hash = hash(INDEXING + "\n" + file.text());
            KnowledgeStore.FolderDocument known = stored.get(file.name());
            if (known != null && known.contentHash().equals(hash)) {
                continue;
            }
            if (known != null) {
                store.delete(known.id());
            }
            try {
                store(UUID.randomUUID().toString(), HelpArticle.parse(slug(file.name()), file.text()), FOLDER,
                        file.name(), hash);
                added++;
            } catch (DuplicateKeyException anotherInstanceWasFaster) {
                log.debug("{} was ingested by another instance", file.name());
            }
        }
        Set<String> present = files.stream().map(KnowledgeFolder.SourceFile::name).collect(Collectors.toSet());
        List<String> removed = new ArrayList<>();
        stored.values().stream().filter(document -> !present.contains(document.sourceFile())).forEach(document -> {
            store.delete(document.id());
            removed.add(document.sourceFile());
        });
        log.info("Knowledge folder: {} files, {} ingested, {} unchanged, {} removed", files.size(), added,
                files.size() - added, removed.size());
    }

    /**
     * Embeds the stored chunks of documents posted through the API and of web pages again, as
     * {@link #INDEXING} says, where they were embedded another way. Safe with several instances
     * starting at once: each document is replaced by one of them ({@link KnowledgeStore#replaceVectors}).
     */
    void embedStoredDocumentsAgain() {
        Map<String, List<KnowledgeStore.ChunkToEmbed>> byDocument = store.storedChunksIndexedOtherwise(INDEXING)
                .stream().collect(Collectors.groupingBy(KnowledgeStore.ChunkToEmbed::documentId, LinkedHashMap::new,
                        Collectors.toList()));
        int replaced = 0;
        for (Map.Entry<String, List<KnowledgeStore.ChunkToEmbed>> document : byDocument.entrySet()) {
            List<List<String>> texts = document.getValue().stream()
                    .map(chunk -> SectionText.embedded(chunk.documentTitle(), chunk.heading(), chunk.content()))
                    .toList();
            List<List<float[]>> vectors = embedTogether(texts);
            Map<String, List<float[]>> vectorsByChunk = new LinkedHashMap<>();
            for (int i = 0; i < texts.size(); i++) {
                vectorsByChunk.put(document.getValue().get(i).id(), vectors.get(i));
            }
            if (store.replaceVectors(document.getKey(), INDEXING, vectorsByChunk)) {
                replaced++;
            }
        }
        if (!byDocument.isEmpty()) {
            log.info("Knowledge documents posted through the API and web pages: {} embedded again the current way",
                    replaced);
        }
    }

    private KnowledgeDocument store(String id, HelpArticle article, String origin, @Nullable String sourceFile,
            String hash) {
        List<KnowledgeStore.NewChunk> stored = embedded(article);
        KnowledgeDocument document = new KnowledgeDocument(id, article.title(), origin, sourceFile, stored.size(),
                KnowledgeStore.now());
        store.insert(document, hash, INDEXING, stored);
        return document;
    }

    /** The content hash of a web page's text: the same hash means nothing to embed again. */
    static String pageHash(String title, String markdown) {
        return hash(INDEXING + "\n" + title + "\n" + markdown);
    }

    /**
     * Stores a web source's page, embedded, in place of its earlier text ({@code replaced}).
     *
     * @return the page's document (its chunk count is what was embedded)
     */
    KnowledgeDocument storePage(String sourceId, @Nullable String replaced, String url, String title, String markdown,
            String hash) {
        String id = UUID.randomUUID().toString();
        HelpArticle article = HelpArticle.withTitle(slug(title) + "-" + id.substring(0, 8), title, markdown);
        List<KnowledgeStore.NewChunk> stored = embedded(article);
        KnowledgeDocument page = new KnowledgeDocument(id, title, WEB, null, stored.size(), KnowledgeStore.now(), url);
        store.replacePage(replaced, page, sourceId, hash, INDEXING, stored);
        return page;
    }

    /** The article's chunks with their embeddings. */
    private List<KnowledgeStore.NewChunk> embedded(HelpArticle article) {
        List<HelpArticle.Chunk> chunks = article.chunks();
        List<List<String>> texts = chunks.stream().map(chunk -> embeddedTexts(article, chunk)).toList();
        List<List<float[]>> vectors = embedTogether(texts);
        List<KnowledgeStore.NewChunk> stored = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            HelpArticle.Chunk chunk = chunks.get(i);
            stored.add(new KnowledgeStore.NewChunk(article.slug() + "#" + chunk.position(), chunk.position(),
                    chunk.heading(), chunk.text(), vectors.get(i)));
        }
        return stored;
    }

    /**
     * Each chunk's vectors, from one call for the whole document: the model runs over many short
     * texts together.
     */
    private List<List<float[]>> embedTogether(List<List<String>> textsByChunk) {
        List<float[]> vectors = embeddings.embedAll(textsByChunk.stream().flatMap(List::stream).toList());
        List<List<float[]>> byChunk = new ArrayList<>();
        int next = 0;
        for (List<String> texts : textsByChunk) {
            byChunk.add(vectors.subList(next, next + texts.size()));
            next += texts.size();
        }
        return byChunk;
    }

    /** What is embedded for a chunk: the whole chunk with its titles first, then its parts. */
    static List<String> embeddedTexts(HelpArticle article, HelpArticle.Chunk chunk) {
        return SectionText.embedded(article.title(), chunk.heading(), chunk.text());
    }

    /** Lower-case words joined by dashes: readable, stable chunk ids. */
    static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceFirst("\\.(md|markdown|txt)$", "")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 60 ? slug.substring(0, 60) : slug;
        return slug.isEmpty() ? "document" : slug;
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
