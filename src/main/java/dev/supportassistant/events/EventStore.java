package dev.supportassistant.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversation events in SQL, numbered by a locked counter so that ids become visible in order. */
@Repository
class EventStore {

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the next event id. Must run in the transaction that stores the event: the counter row
     * stays locked until it commits, so a later id can never commit before an earlier one.
     */
    long nextId() {
        jdbc.sql("UPDATE conversation_event_counter SET last_id = last_id + 1 WHERE id = 1").update();
        return jdbc.sql("SELECT last_id FROM conversation_event_counter WHERE id = 1").query(Long.class).single();
    }

    void insert(ConversationEvent event) {
        jdbc.sql("""
                INSERT INTO conversation_events (id, conversation_id, type, data, customer_data, created_at)
                VALUES (:id, :conversationId, :type, :data, :customerData, :createdAt)
                """)
                .param("id", event.id())
                .param("conversationId", event.conversationId())
                .param("type", event.type())
                .param("data", event.data())
                .param("customerData", event.customerData())
                .param("createdAt", OffsetDateTime.ofInstant(event.createdAt(), ZoneOffset.UTC))
                .update();
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
