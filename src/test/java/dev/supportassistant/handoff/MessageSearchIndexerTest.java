package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import dev.supportassistant.platform.database.EmbeddedDatabase;

/**
 * The background indexing of the desk's search on an embedded H2 database of its own (migrated as the
 * service's, in its PostgreSQL mode): a message is not indexed in its own commit but soon after; its
 * point survives a restart, indexing a message again leaves it indexed once, H2's trigger is put back
 * on updates and deletes whenever it is missing or fires on inserts, nothing is indexed without H2's
 * index, and failing runs are retried by one run at a time.
 */
class MessageSearchIndexerTest {

    private JdbcDataSource h2;
    private JdbcClient jdbc;
    private @Nullable MessageSearchIndexer indexer;

    @BeforeEach
    void migrate() {
        open(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    /** A database of its own, migrated, with one conversation; no indexer yet. */
    private void open(String mode) {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode);
        Flyway.configure().dataSource(h2).load().migrate();
        jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
    }

    @AfterEach
    void stop() throws Exception {
        if (indexer != null) {
            indexer.destroy();
            indexer = null;
        }
        jdbc.sql("SHUTDOWN").update();
    }

    /** An indexer started on the database, once its start-up run is over. */
    private MessageSearchIndexer started(DataSource database) {
        MessageSearchIndexer started = new MessageSearchIndexer(new EmbeddedDatabase(database, 1));
        indexer = started;
        started.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> started.runsDone() >= 1);
        return started;
    }

    private MessageSearchIndexer started() {
        return started(h2);
    }

    @Test
    void aNewMessageIsNotIndexedInItsOwnCommitButByTheIndexer() {
        long seq = store("The invoice for my wombat subscription is wrong");
        assertThat(indexedRows(seq)).as("written by the message's own commit").isZero();

        started();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("wombat")).containsExactly(seq));
        assertThat(found("invoice subscription")).containsExactly(seq);
    }

    @Test
    void aNewMessageIsIndexedOnAnH2DatabaseInItsOwnModeToo() throws Exception {
        // As a plain H2 URL (DATABASE_URL=jdbc:h2:file:...) opens it: H2 spells the names in upper case there.
        stop();
        open("");
        MessageSearchIndexer running = started();
        long seq = store("The invoice for my wallaby subscription is wrong");

        running.wake();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("wallaby")).containsExactly(seq));
    }

    @Test
    void afterARestartIndexingResumesAndAMessageIndexedAgainIsIndexedOnce() throws Exception {
        MessageSearchIndexer running = started();
        long first = store("A kookaburra laughs");
        running.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexedThrough()).isEqualTo(first));
        running.destroy();
        long second = store("A kookaburra sings");
        // As after a crash between indexing and recording the point: both are indexed from scratch.
        jdbc.sql("UPDATE message_search_progress SET indexed_through = 0").update();

        started();

        // Indexing the first again did not fail (FT.ROWS is unique on its key, so a second row could not be
        // written at all): the point passed both, and each is found once.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexedThrough()).isEqualTo(second));
        assertThat(found("kookaburra")).containsExactlyInAnyOrder(first, second);
    }

    @Test
    void anErasedMessageIsUnlinkedFromTheIndexAtOnce() {
        MessageSearchIndexer running = started();
        long seq = store("Please forget my quoll account");
        running.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("quoll")).containsExactly(seq));

        jdbc.sql("DELETE FROM conversations WHERE id = 'c1'").update();

        assertThat(indexedRows(seq)).isZero();
        assertThat(found("quoll")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CALL FT_REINDEX()",
            "DROP TRIGGER \"FT_messages\"",
            "DROP TRIGGER \"FT_messages\"; CREATE TRIGGER \"FT_messages\" AFTER DELETE ON messages FOR EACH ROW"
                    + " CALL \"org.h2.fulltext.FullText$FullTextTrigger\"" })
    void theTriggerIsPutBackOnUpdatesAndDeletesByTheNextRunWhenItIsMissingOrFiresOnOtherEvents(String change) {
        MessageSearchIndexer running = started();
        for (String statement : change.split("; ")) {
            jdbc.sql(statement).update();
        }
        assertThat(Set.copyOf(triggerEvents())).isNotEqualTo(Set.of("UPDATE", "DELETE"));

        running.wake();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(triggerEvents()).containsExactlyInAnyOrder("UPDATE", "DELETE"));
        long seq = store("Please forget my bilby account");
        running.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("bilby")).containsExactly(seq));
        jdbc.sql("DELETE FROM messages WHERE seq = :seq").param("seq", seq).update();
        assertThat(found("bilby")).as("unlinked by the trigger put back").isEmpty();
    }

    @Test
    void nothingIsIndexedWhenH2sIndexOnMessagesIsDropped() {
        MessageSearchIndexer running = started();
        jdbc.sql("CALL FT_DROP_INDEX(CURRENT_SCHEMA, 'messages')").update();
        long runs = running.runsDone();
        long seq = store("The numbat message");

        running.wake();

        await().atMost(Duration.ofSeconds(10)).until(() -> running.runsDone() > runs);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ft.rows").query(Long.class).single())
                .as("no index under id 0 of every column").isZero();
        assertThat(triggerEvents()).as("no trigger made for a dropped index").isEmpty();
        assertThat(indexedThrough()).isLessThan(seq);
        assertThat(running.dueRuns()).as("no retry").isEmpty();
    }

    @Test
    void whileRunsFailOneRetryIsDueAndACommitAddsNone() {
        AtomicInteger opened = new AtomicInteger();
        // The start's look at the table succeeds; every run's connection fails.
        DataSource failing = new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (opened.incrementAndGet() > 1) {
                    throw new SQLException("Connection refused", "08001");
                }
                return super.getConnection();
            }
        };
        MessageSearchIndexer running = started(failing);
        await().atMost(Duration.ofSeconds(10)).until(() -> running.dueRuns().size() == 1
                && running.dueRuns().get(0).compareTo(MessageSearchIndexer.WAKE_DELAY) > 0);

        for (int commit = 0; commit < 10; commit++) {
            running.wake();
        }

        assertThat(running.dueRuns()).hasSize(1)
                .allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(MessageSearchIndexer.RETRY_DELAY));
        assertThat(opened).hasValue(2);
    }

    @Test
    void aPoolOfMoreThanOneConnectionOnTheEmbeddedDatabaseIsRefused() {
        EmbeddedDatabase twoConnections = new EmbeddedDatabase(h2, 2);

        assertThatThrownBy(() -> new MessageSearchIndexer(twoConnections))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("one pooled connection");
    }

    private long store(String content) {
        try (Connection connection = h2.getConnection()) {
            return storeOn(connection, content);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storeOn(Connection connection, String content) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO messages (id, conversation_id, role,"
                + " content, created_at) VALUES (?, 'c1', 'user', ?, CURRENT_TIMESTAMP)", new String[] {"seq"})) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, content);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private List<Long> found(String words) {
        return jdbc.sql("SELECT CAST(f.\"KEYS\"[1] AS BIGINT) FROM FT_SEARCH_DATA(:words, 0, 0) f")
                .param("words", words).query(Long.class).list();
    }

    private long indexedRows(long seq) {
        return jdbc.sql("SELECT COUNT(*) FROM ft.rows WHERE `KEY` = :key").param("key", "\"seq\"=" + seq)
                .query(Long.class).single();
    }

    private long indexedThrough() {
        return jdbc.sql("SELECT indexed_through FROM message_search_progress").query(Long.class).single();
    }

    private List<String> triggerEvents() {
        return jdbc.sql("SELECT EVENT_MANIPULATION FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_NAME = 'FT_messages'")
                .query(String.class).list();
    }
}
