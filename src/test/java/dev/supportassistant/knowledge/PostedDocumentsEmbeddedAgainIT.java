package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

import dev.supportassistant.EmbeddedPostgres;
import dev.supportassistant.embedding.SentenceEmbeddings;
import dev.supportassistant.knowledge.formats.DocumentLimits;
import dev.supportassistant.knowledge.formats.DocumentReader;

/**
 * Documents posted through the API exist only as their stored chunks, and web pages are fetched
 * again only at their source's next sync: when the way chunks are embedded, or the model
 * ({@link DocumentLibrary#INDEXING}), changes, their vectors are computed again from those chunks at
 * the next start, once, on H2 and PostgreSQL alike (migration V10 included).
 */
class PostedDocumentsEmbeddedAgainIT {

    private static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();
    private static final byte[] STALE = SentenceEmbeddings.toBytes(new float[SentenceEmbeddings.DIMENSIONS]);
    private static final String ARTICLE = """
            ## Export a report as a PDF file
            <!-- questions: how do I save a report as pdf -->
            1. Open the report you want to share.
            2. Choose **File > Export** and select **PDF**.

            ## Schedule a weekly report email
            1. Open the report and choose **Share > Schedule**.
            """;

    @TempDir
    Path emptyFolder;

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of(Named.of("H2", "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")),
                Arguments.of(Named.of("PostgreSQL", EmbeddedPostgres.newJdbcUrl("embedded_again_" + System.nanoTime()))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void postedDocumentsAndWebPagesEmbeddedAnotherWayGetNewVectorsAtStartAndOthersAreLeftAlone(String url) {
        withStore(url, (store, jdbc) -> {
            DocumentLibrary library = library(store);
            String old = library.add("Exporting reports", ARTICLE).id();
            String beforeTheColumn = library.add("Scheduling reports", ARTICLE).id();
            String current = library.add("Sharing reports", ARTICLE).id();
            String source = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO knowledge_sources (id, url, origin, created_at)
                    VALUES (:id, 'https://help.example.com/reports', 'console', CURRENT_TIMESTAMP)
                    """).param("id", source).update();
            String page = library.storePage(source, null, "https://help.example.com/reports", "Reports on the web",
                    ARTICLE, DocumentLibrary.pageHash("Reports on the web", ARTICLE)).id();
            jdbc.sql("""
                    UPDATE knowledge_documents SET indexing = 'sections with their parts and questions embedded, 3'
                    WHERE id IN (:ids)
                    """).param("ids", List.of(old, page)).update();
            jdbc.sql("UPDATE knowledge_documents SET indexing = NULL WHERE id = :id").param("id", beforeTheColumn)
                    .update();
            jdbc.sql("UPDATE knowledge_chunks SET embedding = :stale").param("stale", STALE).update();
            long revision = store.revision();

            library.afterSingletonsInstantiated();

            for (String id : List.of(old, beforeTheColumn, page)) {
                assertThat(indexing(jdbc, id)).isEqualTo(DocumentLibrary.INDEXING);
                assertThat(embeddings(jdbc, id)).hasSize(2).allSatisfy((chunkId, embedding) ->
                        assertEmbeddedNow(jdbc, chunkId, embedding));
            }
            assertThat(embeddings(jdbc, current)).hasSize(2).allSatisfy((chunkId, embedding) ->
                    assertThat(embedding).as("not embedded again").isEqualTo(STALE));
            assertThat(store.revision()).as("one change per document embedded again").isEqualTo(revision + 3);

            library.afterSingletonsInstantiated();
            assertThat(store.revision()).as("nothing left to embed").isEqualTo(revision + 3);
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ofTwoInstancesReplacingOneDocumentsVectorsOnlyTheFirstDoes(String url) {
        withStore(url, (store, jdbc) -> {
            String id = library(store).add("Exporting reports", ARTICLE).id();
            jdbc.sql("UPDATE knowledge_documents SET indexing = NULL WHERE id = :id").param("id", id).update();
            Map<String, List<float[]>> vectors = embeddings(jdbc, id).keySet().stream().collect(
                    Collectors.toMap(chunkId -> chunkId, chunkId -> List.of(new float[SentenceEmbeddings.DIMENSIONS])));
            long revision = store.revision();

            assertThat(store.replaceVectors(id, DocumentLibrary.INDEXING, vectors)).isTrue();
            assertThat(store.replaceVectors(id, DocumentLibrary.INDEXING, vectors)).isFalse();
            assertThat(store.replaceVectors("gone", DocumentLibrary.INDEXING, vectors)).isFalse();
            assertThat(store.revision()).isEqualTo(revision + 1);
        });
    }

    private DocumentLibrary library(KnowledgeStore store) {
        KnowledgeSettings settings = new KnowledgeSettings(true, emptyFolder.toString());
        return new DocumentLibrary(store, EMBEDDINGS, new KnowledgeFolder(settings), settings,
                new DocumentReader(new DocumentLimits(1_000_000, 10, 100_000, 64L << 20)));
    }

    /** The store as the service has it (transactional), on a freshly migrated database. */
    private static void withStore(String url, StoreTest test) {
        DataSource dataSource = url.startsWith("jdbc:h2:") ? new DriverManagerDataSource(url)
                : new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).load().migrate();
        new ApplicationContextRunner()
                .withBean(JdbcClient.class, () -> JdbcClient.create(dataSource))
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withUserConfiguration(Transactions.class)
                .withBean(KnowledgeStore.class)
                .run(context -> test.run(context.getBean(KnowledgeStore.class), context.getBean(JdbcClient.class)));
    }

    private interface StoreTest {
        void run(KnowledgeStore store, JdbcClient jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Transactions {
    }

    private static String indexing(JdbcClient jdbc, String documentId) {
        return jdbc.sql("SELECT indexing FROM knowledge_documents WHERE id = :id").param("id", documentId)
                .query(String.class).single();
    }

    private static Map<String, byte[]> embeddings(JdbcClient jdbc, String documentId) {
        return jdbc.sql("SELECT id, embedding FROM knowledge_chunks WHERE document_id = :id").param("id", documentId)
                .query((rs, row) -> Map.entry(rs.getString("id"), rs.getBytes("embedding"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The stored vectors are what the chunk's texts give embedded now, from what is stored of it. */
    private static void assertEmbeddedNow(JdbcClient jdbc, String chunkId, byte[] embedding) {
        List<float[]> expected = jdbc.sql("""
                SELECT d.title, c.heading, c.content
                FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id WHERE c.id = :id
                """).param("id", chunkId)
                .query((rs, row) -> EMBEDDINGS.embedAll(SectionText.embedded(rs.getString("title"),
                        rs.getString("heading"), rs.getString("content"))))
                .single();
        float[] stored = SentenceEmbeddings.fromBytes(embedding);
        assertThat(stored).hasSize(expected.size() * SentenceEmbeddings.DIMENSIONS);
        for (int i = 0; i < expected.size(); i++) {
            float[] vector = Arrays.copyOfRange(stored, i * SentenceEmbeddings.DIMENSIONS,
                    (i + 1) * SentenceEmbeddings.DIMENSIONS);
            assertThat(SentenceEmbeddings.similarity(vector, expected.get(i))).isGreaterThan(0.9999);
        }
    }
}
