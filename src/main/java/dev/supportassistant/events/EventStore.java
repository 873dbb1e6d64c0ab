package dev.supportassistant.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversation events in SQL, numbered by a locked counter so that ids become visible in order.
 * Storing an event is one statement: it takes the next number from the counter (whose row stays
 * locked until the storing transaction commits, so a later id can never commit before an earlier
 * one) and inserts the event under it; on PostgreSQL the same statement also sends the NOTIFY that
 * tells every instance ({@link PostgresNotifications}). The two databases spell "update, then use
 * the updated row" differently: PostgreSQL with {@code UPDATE ... RETURNING} in a {@code WITH}, H2
 * with a data change delta table ({@code FINAL TABLE}).
 */
@Repository
class EventStore {

    private static final String POSTGRES = """
            WITH next AS (UPDATE conversation_event_counter SET last_id = last_id + 1 WHERE id = 1 RETURNING last_id),
                 stored AS (INSERT INTO conversation_events (id, conversation_id, type, data, customer_data, created_at)
                            SELECT last_id, :conversationId, :type, :data, :customerData, :createdAt FROM next
                            RETURNING id)
            SELECT id, pg_notify('%s', CAST(id AS TEXT)) FROM stored
            """.formatted(PostgresNotifications.CHANNEL);
    private static final String H2 = """
            SELECT id FROM FINAL TABLE (
                INSERT INTO conversation_events (id, conversation_id, type, data, customer_data, created_at)
                SELECT last_id, :conversationId, :type, :data, :customerData, :createdAt
                FROM FINAL TABLE (UPDATE conversation_event_counter SET last_id = last_id + 1 WHERE id = 1))
            """;

    private final JdbcClient jdbc;
    private final String append;

    EventStore(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.append = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRES : H2;
        }
    }

    /**
     * Stores an event under the next id, which it returns. Must run in the transaction that stores
     * what the event reports: the counter stays locked until it commits.
     */
    long append(String conversationId, String type, String data, @Nullable String customerData, Instant createdAt) {
        return jdbc.sql(append)
                .param("conversationId", conversationId)
                .param("type", type)
                .param("data", data)
                .param("customerData", customerData)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .query((rs, row) -> rs.getLong("id")).single();
    }

    /** The id of the newest committed event, 0 when there is none. */
    long lastId() {
        return jdbc.sql("SELECT last_id FROM conversation_event_counter WHERE id = 1").query(Long.class).single();
    }

    /** Events after {@code afterId}, oldest first, of one conversation or (absent) of all. */
    List<ConversationEvent> after(long afterId, @Nullable String conversationId, int limit) {
        String where = conversationId == null ? "id > :afterId" : "conversation_id = :conversationId AND id > :afterId";
        var statement = jdbc.sql("SELECT * FROM conversation_events WHERE " + where + " ORDER BY id LIMIT :limit")
                .param("afterId", afterId)
                .param("limit", limit);
        if (conversationId != null) {
            statement = statement.param("conversationId", conversationId);
        }
        return statement.query(EventStore::event).list();
    }

    private static ConversationEvent event(ResultSet rs, int row) throws SQLException {
        Instant createdAt = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        return new ConversationEvent(rs.getLong("id"), rs.getString("conversation_id"), rs.getString("type"),
                rs.getString("data"), rs.getString("customer_data"), createdAt);
    }
}
