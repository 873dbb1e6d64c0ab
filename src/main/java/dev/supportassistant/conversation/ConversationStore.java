package dev.supportassistant.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.supportassistant.platform.database.GroupCommit;

/**
 * Conversations and their messages in SQL. Each {@link #create} and {@link #append} has committed
 * when it returns (possibly in one commit with other requests' messages, see {@link GroupCommit}),
 * so a customer's message is durable before any provider is asked to answer it, and announces the
 * message ({@link MessageStored}) before it commits.
 */
@Repository
class ConversationStore {

    private final JdbcClient jdbc;
    private final MessageRows rows;
    private final ApplicationEventPublisher events;
    private final GroupCommit commits;

    ConversationStore(JdbcClient jdbc, MessageRows rows, ApplicationEventPublisher events, GroupCommit commits) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.events = events;
        this.commits = commits;
    }

    Optional<Conversation> find(String id) {
        return jdbc.sql("SELECT id, user_id, owner_id, created_at, updated_at FROM conversations WHERE id = :id")
                .param("id", id)
                .query(ConversationStore::conversation)
                .optional();
    }

    /**
     * Stores a new conversation together with its first message, in one commit, last updated when
     * the message was written.
     */
    void create(Conversation conversation, ChatMessage firstMessage) {
        commits.run(() -> {
            jdbc.sql("""
                    INSERT INTO conversations (id, user_id, owner_id, created_at, updated_at)
                    VALUES (:id, :userId, :ownerId, :createdAt, :updatedAt)
                    """)
                    .param("id", conversation.id())
                    .param("userId", conversation.userId())
                    .param("ownerId", conversation.ownerId())
                    .param("createdAt", timestamp(conversation.createdAt()))
                    .param("updatedAt", timestamp(firstMessage.timestamp()))
                    .update();
            insert(conversation.id(), firstMessage);
            stored(conversation.id(), firstMessage);
        });
    }

    void append(String conversationId, ChatMessage message) {
        commits.run(() -> {
            insert(conversationId, message);
            jdbc.sql("UPDATE conversations SET updated_at = :updatedAt WHERE id = :id")
                    .param("updatedAt", timestamp(message.timestamp()))
                    .param("id", conversationId)
                    .update();
            stored(conversationId, message);
        });
    }

    /** Listeners run now, in the storing transaction: the live event exists exactly when the message does. */
    private void stored(String conversationId, ChatMessage message) {
        events.publishEvent(new MessageStored(conversationId, message));
    }

    private void insert(String conversationId, ChatMessage message) {
        MessageRows.Columns columns = rows.columns(message.metadata());
        MessageMetadata.TokenUsage usage = columns.usage();
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, provider, model,
                    prompt_tokens, completion_tokens, total_tokens, tokens_estimated, confusion_level,
                    latency_ms, fallback, error, details, route, experiment, variant)
                VALUES (:id, :conversationId, :role, :content, :createdAt, :provider, :model,
                    :promptTokens, :completionTokens, :totalTokens, :tokensEstimated, :confusionLevel,
                    :latencyMs, :fallback, :error, :details, :route, :experiment, :variant)
                """)
                .param("id", message.id())
                .param("conversationId", conversationId)
                .param("role", message.role().wireName())
                .param("content", message.content())
                .param("createdAt", timestamp(message.timestamp()))
                .param("provider", columns.provider())
                .param("model", columns.model())
                .param("promptTokens", usage == null ? null : usage.promptTokens())
                .param("completionTokens", usage == null ? null : usage.completionTokens())
                .param("totalTokens", usage == null ? null : usage.totalTokens())
                .param("tokensEstimated", usage == null ? null : usage.estimated())
                .param("confusionLevel", columns.confusionLevel())
                .param("latencyMs", columns.latencyMs())
                .param("fallback", columns.fallback())
                .param("error", columns.error())
                .param("details", rows.detailsJson(columns.details()))
                .param("route", columns.route())
                .param("experiment", columns.experiment())
                .param("variant", columns.variant())
                .update();
    }

    /** Deletes a conversation with all its messages; false when there was none. */
    boolean delete(String id) {
        return jdbc.sql("DELETE FROM conversations WHERE id = :id").param("id", id).update() > 0;
    }

    /** One page of a user's conversations, most recently active first, with their message counts. */
    List<ConversationSummary> page(UserColumn column, String userId, int page, int size) {
        return jdbc.sql("""
                SELECT c.id, c.user_id, c.created_at, c.updated_at,
                       (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id) AS message_count
                FROM conversations c WHERE c.%s = :userId
                ORDER BY c.updated_at DESC, c.id
                LIMIT :size OFFSET :offset
                """.formatted(column.column))
                .param("userId", userId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new ConversationSummary(rs.getString("id"), rs.getString("user_id"),
                        instant(rs, "created_at"), instant(rs, "updated_at"), rs.getInt("message_count")))
                .list();
    }

    long count(UserColumn column, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM conversations WHERE %s = :userId".formatted(column.column))
                .param("userId", userId).query(Long.class).single();
    }

    /** Which user a listing is by: the one named at start, or the customer whose token started it. */
    enum UserColumn {
        USER("user_id"), OWNER("owner_id");

        private final String column;

        UserColumn(String column) {
            this.column = column;
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Conversation conversation(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getString("id"), rs.getString("user_id"), rs.getString("owner_id"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
