package dev.supportassistant.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.supportassistant.platform.database.GroupCommit;
import dev.supportassistant.privacy.PersonalData;

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
    private final PersonalData personalData;

    ConversationStore(JdbcClient jdbc, MessageRows rows, ApplicationEventPublisher events, GroupCommit commits,
            PersonalData personalData) {
        this.personalData = personalData;
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
    void create(Conversation conversation, ChatMessage first) {
        ChatMessage firstMessage = kept(first);
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

    /** Stores messages at the end of the conversation, in this order and in one commit. */
    void append(String conversationId, List<ChatMessage> written) {
        List<ChatMessage> messages = written.stream().map(this::kept).toList();
        commits.run(() -> {
            messages.forEach(message -> insert(conversationId, message));
            jdbc.sql("UPDATE conversations SET updated_at = :updatedAt WHERE id = :id")
                    .param("updatedAt", timestamp(messages.get(messages.size() - 1).timestamp()))
                    .param("id", conversationId)
                    .update();
            messages.forEach(message -> stored(conversationId, message));
        });
    }

    /**
     * The message as it is kept: with {@code PII_STORE_MASKED=true}, its text masked
     * ({@link PersonalData#forStorage}), and so its live event and the desk's view of it too.
     */
    private ChatMessage kept(ChatMessage message) {
        String content = personalData.forStorage(message.content());
        return content.equals(message.content()) ? message
                : new ChatMessage(message.id(), content, message.timestamp(), message.metadata());
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

    /**
     * Everything a customer's turn reads, in one statement: the conversation, its counts, its latest
     * {@code recent} messages, its handoff row and its newest screenshot. Joins the tables the handoff
     * and screenshots modules write, read only, so that a turn costs one round trip.
     */
    Optional<TurnContext> forTurn(String id, int recent) {
        return jdbc.sql("""
                SELECT c.id AS c_id, c.user_id AS c_user_id, c.owner_id AS c_owner_id, c.created_at AS c_created_at,
                       c.updated_at AS c_updated_at, n.message_count, n.customer_count,
                       h.status AS h_status, h.cause AS h_cause, h.reason AS h_reason, h.claimed_by AS h_claimed_by,
                       s.name AS s_name, s.created_at AS s_created_at,
                       m.*, f.rating AS feedback_rating, f.comment AS feedback_comment, f.created_at AS feedback_at
                FROM conversations c
                CROSS JOIN (SELECT COUNT(*) AS message_count,
                                   COALESCE(SUM(CASE WHEN role = 'user' THEN 1 ELSE 0 END), 0) AS customer_count
                            FROM messages WHERE conversation_id = :id) n
                LEFT JOIN handoffs h ON h.conversation_id = c.id
                LEFT JOIN (SELECT name, created_at FROM screenshots WHERE conversation_id = :id
                           ORDER BY created_at DESC, name LIMIT 1) s ON TRUE
                LEFT JOIN (SELECT * FROM messages WHERE conversation_id = :id ORDER BY seq DESC LIMIT :recent) m ON TRUE
                LEFT JOIN message_feedback f ON f.message_id = m.id
                WHERE c.id = :id
                ORDER BY m.seq
                """)
                .param("id", id)
                .param("recent", recent)
                .query(rs -> {
                    if (!rs.next()) {
                        return Optional.<TurnContext>empty();
                    }
                    Conversation conversation = new Conversation(rs.getString("c_id"), rs.getString("c_user_id"),
                            rs.getString("c_owner_id"), instant(rs, "c_created_at"), instant(rs, "c_updated_at"));
                    Conversations.Counts counts = new Conversations.Counts(rs.getLong("message_count"),
                            rs.getLong("customer_count"));
                    TurnContext.HandoffRow handoff = rs.getString("h_status") == null ? null
                            : new TurnContext.HandoffRow(rs.getString("h_status"), rs.getString("h_cause"),
                                    rs.getString("h_reason"), rs.getString("h_claimed_by"));
                    TurnContext.ScreenshotReference screenshot = rs.getString("s_name") == null ? null
                            : new TurnContext.ScreenshotReference(rs.getString("s_name"), instant(rs, "s_created_at"));
                    List<ChatMessage> messages = new ArrayList<>();
                    do {
                        if (rs.getString("id") != null) {
                            messages.add(rows.message(rs));
                        }
                    } while (rs.next());
                    return Optional.of(new TurnContext(conversation, counts, messages, handoff, screenshot));
                });
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
