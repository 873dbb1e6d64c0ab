package dev.supportassistant.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


/**
 * Reads a conversation's stored messages, oldest first: all of them, the latest few a turn works
 * with, or a page of a long history. Every read is bounded by a count or by the conversation's cap
 * ({@code MAX_MESSAGES_PER_CONVERSATION}), so no request loads an unbounded history.
 */
@Repository
class StoredMessages {

    private static final String SELECT = """
            SELECT m.*, f.rating AS feedback_rating, f.comment AS feedback_comment, f.created_at AS feedback_at
            FROM messages m LEFT JOIN message_feedback f ON f.message_id = m.id
            """;

    /** Some messages and whether older ones exist. */
    record Page(List<ChatMessage> messages, boolean hasMore) {
    }

    private final JdbcClient jdbc;
    private final MessageRows rows;

    StoredMessages(JdbcClient jdbc, MessageRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    List<ChatMessage> all(String conversationId) {
        return jdbc.sql(SELECT + "WHERE m.conversation_id = :id ORDER BY m.seq")
                .param("id", conversationId).query(this::message).list();
    }

    /** The latest {@code count} messages, oldest first. */
    List<ChatMessage> recent(String conversationId, int count) {
        return newestFirst(conversationId, count, Long.MAX_VALUE).messages();
    }

    /**
     * The {@code limit} messages before the message {@code beforeId} (the newest ones when it is absent),
     * oldest first.
     *
     * @return empty when {@code beforeId} is no message of the conversation
     */
    Optional<Page> page(String conversationId, int limit, @Nullable String beforeId) {
        if (beforeId == null) {
            return Optional.of(newestFirst(conversationId, limit, Long.MAX_VALUE));
        }
        return jdbc.sql("SELECT seq FROM messages WHERE id = :id AND conversation_id = :conversationId")
                .param("id", beforeId).param("conversationId", conversationId).query(Long.class).optional()
                .map(seq -> newestFirst(conversationId, limit, seq));
    }

    private Page newestFirst(String conversationId, int limit, long beforeSeq) {
        List<ChatMessage> newest = new ArrayList<>(jdbc.sql(SELECT
                + "WHERE m.conversation_id = :id AND m.seq < :before ORDER BY m.seq DESC LIMIT :limit")
                .param("id", conversationId).param("before", beforeSeq).param("limit", limit + 1)
                .query(this::message).list());
        boolean hasMore = newest.size() > limit;
        List<ChatMessage> page = newest.subList(0, Math.min(limit, newest.size()));
        Collections.reverse(page);
        return new Page(List.copyOf(page), hasMore);
    }

    /** The message {@code messageId}, if it is one of the conversation's. */
    Optional<ChatMessage> one(String conversationId, String messageId) {
        return jdbc.sql(SELECT + "WHERE m.id = :id AND m.conversation_id = :conversationId")
                .param("id", messageId).param("conversationId", conversationId).query(this::message).optional();
    }

    /** What the customer wrote first, in their own words. */
    Optional<String> firstCustomerMessage(String conversationId) {
        return jdbc.sql("SELECT content FROM messages WHERE conversation_id = :id AND role = 'user' ORDER BY seq "
                + "LIMIT 1").param("id", conversationId).query(String.class).optional();
    }

    private ChatMessage message(ResultSet rs, int row) throws SQLException {
        return rows.message(rs);
    }
}
