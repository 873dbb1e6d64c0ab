package dev.supportassistant.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Documents, chunks and embeddings in SQL, with a revision number bumped on every change so each
 * instance can tell when its search index is stale.
 */
@Repository
class KnowledgeStore {

    /** A chunk ready to store: its text and embeddings (the whole chunk's first). */
    record NewChunk(String id, int position, String heading, String content, List<float[]> vectors) {
    }

    private final JdbcClient jdbc;

    KnowledgeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long revision() {
        return jdbc.sql("SELECT revision FROM knowledge_revision WHERE id = 1").query(Long.class).single();
    }

    /** A stored chunk to embed again, with what its texts are made of ({@link SectionText#embedded}). */
    record ChunkToEmbed(String documentId, String id, String documentTitle, String heading, String content) {
    }

    /** Stores a document whose chunks were embedded as {@code indexing} says. */
    @Transactional
    void insert(KnowledgeDocument document, String contentHash, String indexing, List<NewChunk> chunks) {
        insert(document, contentHash, indexing, chunks, null);
    }

    /**
     * Stores a web source's page in place of the document {@code replaced} (its earlier text), in one
     * transaction: a search sees the old page or the new one, never neither.
     */
    @Transactional
    void replacePage(@Nullable String replaced, KnowledgeDocument page, String sourceId, String contentHash,
            String indexing, List<NewChunk> chunks) {
        if (replaced != null) {
            jdbc.sql("DELETE FROM knowledge_documents WHERE id = :id").param("id", replaced).update();
        }
        insert(page, contentHash, indexing, chunks, sourceId);
    }

    /** A web source's page as stored: its document and content hash. */
    record StoredPage(String id, String url, String contentHash) {
    }

    /** The pages of a web source, by address. */
    Map<String, StoredPage> pages(String sourceId) {
        return jdbc.sql("SELECT id, url, content_hash FROM knowledge_documents WHERE source_id = :source")
                .param("source", sourceId)
                .query((rs, row) -> new StoredPage(rs.getString("id"), rs.getString("url"), rs.getString("content_hash")))
                .list().stream().collect(Collectors.toMap(StoredPage::url, page -> page, (a, b) -> a));
    }

    /** The pages of a web source as the console lists them, by address. */
    List<KnowledgeDocument> pageDocuments(String sourceId) {
        return jdbc.sql(DOCUMENTS.replace("/*where*/", "WHERE d.source_id = :source").replace("ORDER BY d.created_at, d.title",
                        "ORDER BY d.url"))
                .param("source", sourceId)
                .query(KnowledgeStore::document)
                .list();
    }

    private void insert(KnowledgeDocument document, String contentHash, String indexing, List<NewChunk> chunks,
            @Nullable String sourceId) {
        jdbc.sql("""
                INSERT INTO knowledge_documents (id, title, origin, source_file, content_hash, indexing, created_at,
                                                 source_id, url)
                VALUES (:id, :title, :origin, :sourceFile, :hash, :indexing, :createdAt, :sourceId, :url)
                """)
                .param("sourceId", sourceId)
                .param("url", document.url())
                .param("id", document.id())
                .param("title", document.title())
                .param("origin", document.origin())
                .param("sourceFile", document.sourceFile())
                .param("hash", contentHash)
                .param("indexing", indexing)
                .param("createdAt", OffsetDateTime.ofInstant(document.createdAt(), ZoneOffset.UTC))
                .update();
        for (NewChunk chunk : chunks) {
            jdbc.sql("""
                    INSERT INTO knowledge_chunks (id, document_id, position, heading, content, embedding)
                    VALUES (:id, :documentId, :position, :heading, :content, :embedding)
                    """)
                    .param("id", chunk.id())
                    .param("documentId", document.id())
                    .param("position", chunk.position())
                    .param("heading", chunk.heading())
                    .param("content", chunk.content())
                    .param("embedding", toBytes(chunk.vectors()))
                    .update();
        }
        bumpRevision();
    }

    /**
     * The chunks of documents posted through the API and of web pages whose embedding was not made
     * as {@code indexing} says.
     */
    List<ChunkToEmbed> storedChunksIndexedOtherwise(String indexing) {
        return jdbc.sql("""
                SELECT d.id AS document_id, c.id, d.title, c.heading, c.content
                FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
                WHERE d.origin IN ('api', 'web') AND (d.indexing IS NULL OR d.indexing <> :indexing)
                ORDER BY d.created_at, c.document_id, c.position
                """)
                .param("indexing", indexing)
                .query((rs, row) -> new ChunkToEmbed(rs.getString("document_id"), rs.getString("id"),
                        rs.getString("title"), rs.getString("heading"), rs.getString("content")))
                .list();
    }

    /**
     * Replaces a document's chunks' vectors with ones embedded as {@code indexing} says, unless its
     * embedding is already made so. The document's row is claimed first: an instance doing the same
     * at once waits for this transaction and then finds nothing left to do.
     *
     * @return whether this call replaced them (not: another instance did, or the document is gone)
     */
    @Transactional
    boolean replaceVectors(String documentId, String indexing, Map<String, List<float[]>> vectorsByChunk) {
        boolean claimed = jdbc.sql("""
                UPDATE knowledge_documents SET indexing = :indexing
                WHERE id = :id AND (indexing IS NULL OR indexing <> :indexing)
                """)
                .param("indexing", indexing)
                .param("id", documentId)
                .update() > 0;
        if (!claimed) {
            return false;
        }
        vectorsByChunk.forEach((chunkId, vectors) -> jdbc
                .sql("UPDATE knowledge_chunks SET embedding = :embedding WHERE id = :id AND document_id = :documentId")
                .param("embedding", toBytes(vectors))
                .param("id", chunkId)
                .param("documentId", documentId)
                .update());
        bumpRevision();
        return true;
    }

    /** @return whether a document was deleted */
    @Transactional
    boolean delete(String documentId) {
        boolean deleted = jdbc.sql("DELETE FROM knowledge_documents WHERE id = :id").param("id", documentId)
                .update() > 0;
        if (deleted) {
            bumpRevision();
        }
        return deleted;
    }

    private static final String DOCUMENTS = """
            SELECT d.id, d.title, d.origin, d.source_file, d.created_at, d.url,
                   (SELECT COUNT(*) FROM knowledge_chunks c WHERE c.document_id = d.id) AS chunks
            FROM knowledge_documents d
            /*where*/
            ORDER BY d.created_at, d.title
            """;

    /** The documents, web sources' pages left out (the Sources list shows them with their source). */
    List<KnowledgeDocument> documents() {
        return jdbc.sql(DOCUMENTS.replace("/*where*/", "WHERE d.source_id IS NULL")).query(KnowledgeStore::document).list();
    }

    /** Every document's title, articles' and uploaded documents' first, then web pages' (each set sorted). */
    List<String> titles() {
        record Title(String title, boolean web) {
        }
        return jdbc.sql("SELECT DISTINCT title, source_id IS NOT NULL AS web FROM knowledge_documents")
                .query((rs, row) -> new Title(rs.getString("title"), rs.getBoolean("web"))).list().stream()
                .sorted(java.util.Comparator.comparing(Title::web).thenComparing(Title::title))
                .map(Title::title).distinct().toList();
    }

    private static KnowledgeDocument document(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new KnowledgeDocument(rs.getString("id"), rs.getString("title"), rs.getString("origin"),
                rs.getString("source_file"), rs.getInt("chunks"), rs.getObject("created_at", OffsetDateTime.class)
                        .toInstant(), rs.getString("url"));
    }

    /** Content hashes of the folder documents, by source file. */
    Map<String, FolderDocument> folderDocuments() {
        return jdbc.sql("SELECT id, source_file, content_hash FROM knowledge_documents WHERE origin = 'folder'")
                .query((rs, row) -> new FolderDocument(rs.getString("id"), rs.getString("source_file"),
                        rs.getString("content_hash")))
                .list().stream()
                .collect(Collectors.toMap(FolderDocument::sourceFile, document -> document));
    }

    /** What the store knows of a document read from the knowledge folder. */
    record FolderDocument(String id, String sourceFile, String contentHash) {
    }

    List<StoredChunk> chunks() {
        return jdbc.sql("""
                SELECT c.id, d.title, c.heading, c.content, c.embedding, d.url
                FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id
                ORDER BY d.created_at, c.document_id, c.position
                """)
                .query((rs, row) -> new StoredChunk(rs.getString("id"), rs.getString("title"),
                        rs.getString("heading"), rs.getString("content"),
                        vectors(rs.getBytes("embedding")), rs.getString("url")))
                .list();
    }

    /** A chunk's vectors in one column, one after another. */
    private static byte[] toBytes(List<float[]> vectors) {
        float[] all = new float[vectors.stream().mapToInt(vector -> vector.length).sum()];
        int offset = 0;
        for (float[] vector : vectors) {
            System.arraycopy(vector, 0, all, offset, vector.length);
            offset += vector.length;
        }
        return SentenceEmbeddings.toBytes(all);
    }

    private static List<float[]> vectors(byte[] bytes) {
        float[] all = SentenceEmbeddings.fromBytes(bytes);
        List<float[]> vectors = new ArrayList<>();
        for (int start = 0; start + SentenceEmbeddings.DIMENSIONS <= all.length; start += SentenceEmbeddings.DIMENSIONS) {
            vectors.add(Arrays.copyOfRange(all, start, start + SentenceEmbeddings.DIMENSIONS));
        }
        return vectors;
    }

    void bumpRevision() {
        jdbc.sql("UPDATE knowledge_revision SET revision = revision + 1 WHERE id = 1").update();
    }

    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
