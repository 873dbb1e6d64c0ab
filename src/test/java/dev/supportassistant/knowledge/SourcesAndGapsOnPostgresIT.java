package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Named;
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

/**
 * The SQL of web sources and knowledge gaps on H2 and on a real PostgreSQL: a source's lease is
 * taken by one sync at a time (as two instances on one database would try), a page replaces its
 * earlier text, removing a source takes its pages, and a gap's questions go with their conversation.
 */
class SourcesAndGapsOnPostgresIT {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of(Named.of("H2", "jdbc:h2:mem:" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")),
                Arguments.of(Named.of("PostgreSQL", EmbeddedPostgres.newJdbcUrl("sources_" + System.nanoTime()))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneSyncHoldsASourceAndItsPagesGoWithIt(String url) {
        withStores(url, (knowledge, sources, gaps, jdbc) -> {
            SourceStore.Row source = sources.add("https://help.example.com/sitemap.xml", SourceStore.CONSOLE);
            Instant now = Instant.now();

            assertThat(sources.claim(source.id(), now, now.plus(Duration.ofMinutes(10)))).isTrue();
            assertThat(sources.claim(source.id(), now.plusSeconds(1), now.plus(Duration.ofMinutes(11))))
                    .as("another instance while the lease holds").isFalse();
            assertThat(sources.due(now.plusSeconds(1), now.plusSeconds(1))).doesNotContain(source.id());
            assertThat(sources.claim(source.id(), now.plus(Duration.ofMinutes(12)), now.plus(Duration.ofMinutes(20))))
                    .as("after the lease expired").isTrue();

            KnowledgeDocument first = page("Warranty", "https://help.example.com/warranty");
            knowledge.replacePage(null, first, source.id(), "hash-1", DocumentLibrary.INDEXING, List.of());
            KnowledgeDocument second = page("Warranty", "https://help.example.com/warranty");
            knowledge.replacePage(first.id(), second, source.id(), "hash-2", DocumentLibrary.INDEXING, List.of());
            sources.finish(source.id(), new SyncReport(0, 1, 0, 0, 0, List.of("https://help.example.com/x: answered 404"),
                    Instant.now()));

            assertThat(knowledge.pages(source.id())).containsOnlyKeys("https://help.example.com/warranty");
            assertThat(knowledge.pages(source.id()).get("https://help.example.com/warranty").contentHash())
                    .isEqualTo("hash-2");
            assertThat(knowledge.pageDocuments(source.id())).extracting(KnowledgeDocument::url)
                    .containsExactly("https://help.example.com/warranty");
            assertThat(knowledge.documents()).as("web pages are listed with their source").isEmpty();
            assertThat(knowledge.titles()).containsExactly("Warranty");
            SourceStore.Row finished = sources.find(source.id()).orElseThrow();
            assertThat(finished.leaseUntil()).isNull();
            assertThat(finished.errors()).isEqualTo("https://help.example.com/x: answered 404");

            assertThat(sources.delete(source.id())).isTrue();
            assertThat(knowledge.pages(source.id())).isEmpty();
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aGapCountsItsQuestionsAndLosesThoseOfAnErasedConversation(String url) {
        withStores(url, (knowledge, sources, gaps, jdbc) -> {
            String kept = conversation(jdbc);
            String erased = conversation(jdbc);
            float[] vector = new float[SentenceEmbeddings.DIMENSIONS];
            vector[0] = 1;
            gaps.add(Optional.empty(), vector, kept, "Is there a dark mode?", KnowledgeGaps.NO_ANSWER, Instant.now());
            GapStore.Centroid gap = gaps.openCentroids().get(0);
            gaps.add(Optional.of(gap), vector, erased, "dark theme please", KnowledgeGaps.THUMBS_DOWN, Instant.now());

            assertThat(gaps.open(5)).singleElement().satisfies(open -> {
                assertThat(open.count()).isEqualTo(2);
                assertThat(open.thumbsDown()).isEqualTo(1);
            });
            jdbc.sql("DELETE FROM conversations WHERE id = :id").param("id", erased).update();
            assertThat(gaps.open(5)).singleElement().satisfies(open -> assertThat(open.examples())
                    .containsExactly("Is there a dark mode?"));

            KnowledgeDocument answer = new KnowledgeDocument(UUID.randomUUID().toString(), "Dark mode",
                    DocumentLibrary.API, null, 0, KnowledgeStore.now());
            knowledge.insert(answer, "hash", DocumentLibrary.INDEXING, List.of());
            assertThat(gaps.close(gap.id(), answer.id(), Instant.now())).isTrue();
            assertThat(gaps.close(gap.id(), answer.id(), Instant.now())).as("answered already").isFalse();
            assertThat(gaps.open(5)).isEmpty();
        });
    }

    private static KnowledgeDocument page(String title, String url) {
        return new KnowledgeDocument(UUID.randomUUID().toString(), title, DocumentLibrary.WEB, null, 0,
                KnowledgeStore.now(), url);
    }

    private static String conversation(JdbcClient jdbc) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES (:id, :at, :at)").param("id", id)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return id;
    }

    private static void withStores(String url, StoresTest test) {
        DataSource dataSource = url.startsWith("jdbc:h2:") ? new DriverManagerDataSource(url)
                : new DriverManagerDataSource(url, "postgres", "postgres");
        Flyway.configure().dataSource(dataSource).load().migrate();
        new ApplicationContextRunner()
                .withBean(JdbcClient.class, () -> JdbcClient.create(dataSource))
                .withBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource))
                .withUserConfiguration(Transactions.class)
                .withBean(KnowledgeStore.class)
                .withBean(SourceStore.class)
                .withBean(GapStore.class)
                .run(context -> test.run(context.getBean(KnowledgeStore.class), context.getBean(SourceStore.class),
                        context.getBean(GapStore.class), context.getBean(JdbcClient.class)));
    }

    private interface StoresTest {
        void run(KnowledgeStore knowledge, SourceStore sources, GapStore gaps, JdbcClient jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTransactionManagement
    static class Transactions {
    }
}
