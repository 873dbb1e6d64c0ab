package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The background indexing of the desk's search on an embedded H2 database of its own (migrated as the
 * service's, in its PostgreSQL mode): a message is not indexed in its own commit but soon after, also
 * when it commits after a later message was indexed; its point survives a restart, indexing a message
 * again leaves it indexed once, a gap is given up after the grace, and {@code FT_REINDEX}'s trigger on
 * inserts is undone at start.
 */
class MessageSearchIndexerTest {

    private final AtomicLong nanos = new AtomicLong();
    private JdbcDataSource h2;
    private JdbcClient jdbc;
    private MessageSearchIndexer indexer;

    @BeforeEach
    void migrate() {
        open(";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    /** A database of its own, migrated, with one conversation, and an indexer started on it. */
    private void open(String mode) {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:search-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + mode);
        Flyway.configure().dataSource(h2).load().migrate();
        jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO conversations (id, created_at, updated_at) VALUES ('c1', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .update();
        indexer = started();
    }

    @AfterEach
    void stop() throws Exception {
        indexer.destroy();
        jdbc.sql("SHUTDOWN").update();
    }

    private MessageSearchIndexer started() {
        MessageSearchIndexer started = new MessageSearchIndexer(h2, nanos::get);
        started.start();
        return started;
    }

    @Test
    void aNewMessageIsNotIndexedInItsOwnCommitButSoonAfter() {
        long seq = store("The invoice for my wombat subscription is wrong");

        assertThat(indexedRows(seq)).as("written by the message's own commit").isZero();
        indexer.wake();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("wombat")).containsExactly(seq));
        assertThat(found("invoice subscription")).containsExactly(seq);
    }

    @Test
    void aNewMessageIsIndexedOnAnH2DatabaseInItsOwnModeToo() throws Exception {
        // As start.sh's training run opens its database: H2 spells the names in upper case there.
        stop();
        open("");
        long seq = store("The invoice for my wallaby subscription is wrong");

        indexer.wake();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("wallaby")).containsExactly(seq));
    }

    @Test
    void aMessageCommittedAfterALaterOneWasIndexedIsStillFound() throws SQLException {
        try (Connection slow = h2.getConnection()) {
            slow.setAutoCommit(false);
            long late = storeOn(slow, "The late platypus message");
            long early = store("The early echidna message");
            assertThat(early).isGreaterThan(late);
            indexer.wake();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("echidna")).containsExactly(early));

            slow.commit();
            indexer.wake();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("platypus")).containsExactly(late));
        }
    }

    @Test
    void afterARestartIndexingResumesAndAMessageIndexedAgainIsIndexedOnce() throws Exception {
        long first = store("A kookaburra laughs");
        indexer.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexedThrough()).isEqualTo(first));
        indexer.destroy();
        long second = store("A kookaburra sings");
        // As after a crash between indexing and recording the point: both are indexed from scratch.
        jdbc.sql("UPDATE message_search_progress SET indexed_through = 0").update();

        indexer = started();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexedThrough()).isEqualTo(second));
        assertThat(found("kookaburra")).containsExactlyInAnyOrder(first, second);
        assertThat(indexedRows(first)).isOne();
        assertThat(indexedRows(second)).isOne();
    }

    @Test
    void theRecordedPointWaitsAtAnOpenGapUntilTheGraceHasPassed() throws SQLException {
        long before = store("Before the gap");
        try (Connection slow = h2.getConnection()) {
            slow.setAutoCommit(false);
            long open = storeOn(slow, "Never committed");
            long after = store("After the gap");
            indexer.wake();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("after")).containsExactly(after));
            assertThat(indexedThrough()).as("below the open gap").isEqualTo(before).isLessThan(open);

            nanos.addAndGet(MessageSearchIndexer.GRACE.toNanos() + 1);
            indexer.wake();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(indexedThrough()).isEqualTo(after));
            slow.rollback();
        }
    }

    @Test
    void anErasedMessageIsUnlinkedFromTheIndexAtOnce() {
        long seq = store("Please forget my quoll account");
        indexer.wake();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(found("quoll")).containsExactly(seq));

        jdbc.sql("DELETE FROM conversations WHERE id = 'c1'").update();

        assertThat(indexedRows(seq)).isZero();
        assertThat(found("quoll")).isEmpty();
    }

    @Test
    void theTriggerThatFtReindexPutsBackOnInsertsIsTakenOffAtStart() throws Exception {
        jdbc.sql("CALL FT_REINDEX()").update();
        assertThat(triggerEvents()).contains("INSERT");
        indexer.destroy();

        indexer = started();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(
                () -> assertThat(triggerEvents()).containsExactlyInAnyOrder("UPDATE", "DELETE"));
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
