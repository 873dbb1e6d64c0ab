package dev.supportassistant.handoff;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Every conversation, for the desk's Conversations page: most recently active first, by who holds
 * it, and found by a word of its messages, its id or its customer's id. Words are looked up in the
 * database's own full-text index ({@code V12_1__message_search}): PostgreSQL's {@code tsvector}
 * search ("simple" configuration: whole words, any language, no stemming), or H2's built-in
 * {@code FT_SEARCH_DATA}, which looks at the first {@value #H2_MATCHES} matching messages and finds a new
 * message once {@link MessageSearchIndexer} has indexed it, within about a second. Also a
 * customer's other conversations (same {@code user_id}).
 */
@Repository
class ConversationDirectory {

    /** H2's full-text search returns matching rows, not conversations: at most this many are looked at. */
    static final int H2_MATCHES = 10_000;
    private static final int LAST_MESSAGE_CHARS = 400;

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final DeskHours hours;

    ConversationDirectory(JdbcClient jdbc, DataSource dataSource, DeskHours hours) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.hours = hours;
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    /**
     * One page, plus one row more when there is a next page.
     *
     * @param status only conversations in this status ({@code bot} includes those never handed over); all when absent
     * @param query a conversation id, a customer id or words of a message; all when absent
     */
    List<HandoffViews.ListedConversation> page(@Nullable HandoffStatus status, @Nullable String query, int page,
            int size) {
        String where = (status == null ? "" : status == HandoffStatus.BOT
                ? " AND (h.status IS NULL OR h.status = 'bot')" : " AND h.status = :status")
                + (query == null ? "" : " AND (c.id = :query OR c.user_id = :query OR c.owner_id = :query OR c.id IN ("
                        + (postgres ? """
                                SELECT m.conversation_id FROM messages m
                                WHERE to_tsvector('simple', m.content) @@ plainto_tsquery('simple', :query))"""
                                : """
                                SELECT m.conversation_id FROM FT_SEARCH_DATA(:query, %d, 0) f
                                JOIN messages m ON m.seq = CAST(f."KEYS"[1] AS BIGINT) WHERE f."TABLE" = 'messages')"""
                                        .formatted(H2_MATCHES))
                        + ")");
        JdbcClient.StatementSpec statement = jdbc.sql(select() + " WHERE 1 = 1" + where
                + " ORDER BY c.updated_at DESC, c.id LIMIT :size OFFSET :offset")
                .param("size", size + 1).param("offset", (long) page * size);
        if (status != null && status != HandoffStatus.BOT) {
            statement = statement.param("status", status.wireName());
        }
        if (query != null) {
            statement = statement.param("query", query);
        }
        return statement.query((rs, row) -> listed(rs, hours)).list();
    }

    /** The other conversations of the customer with {@code userId}, most recently active first. */
    List<HandoffViews.ListedConversation> ofCustomer(String userId, String except, int limit) {
        return jdbc.sql(select() + " WHERE c.user_id = :userId AND c.id <> :except ORDER BY c.updated_at DESC, c.id"
                + " LIMIT :limit")
                .param("userId", userId).param("except", except).param("limit", limit)
                .query((rs, row) -> listed(rs, hours)).list();
    }

    private static String select() {
        return """
                SELECT c.id, c.user_id, c.owner_id, c.updated_at, h.status, h.claimed_by, h.requested_at,
                       (SELECT m.content FROM messages m WHERE m.conversation_id = c.id AND m.role <> 'system'
                        ORDER BY m.seq DESC LIMIT 1) AS last_message,
                       (SELECT m.role FROM messages m WHERE m.conversation_id = c.id AND m.role <> 'system'
                        ORDER BY m.seq DESC LIMIT 1) AS last_role
                FROM conversations c LEFT JOIN handoffs h ON h.conversation_id = c.id
                """;
    }

    private static HandoffViews.ListedConversation listed(ResultSet rs, DeskHours hours) throws SQLException {
        HandoffStatus status = rs.getString("status") == null ? HandoffStatus.BOT
                : HandoffStatus.fromWireName(rs.getString("status")).orElseThrow();
        String last = rs.getString("last_message");
        Instant requestedAt = instantOrNull(rs, "requested_at");
        return new HandoffViews.ListedConversation(rs.getString("id"), rs.getString("user_id"),
                rs.getString("owner_id") != null, status,
                rs.getString("claimed_by"), "user".equals(rs.getString("last_role")),
                last == null || last.length() <= LAST_MESSAGE_CHARS ? last
                        : last.substring(0, LAST_MESSAGE_CHARS - 1) + "…",
                instant(rs, "updated_at"),
                status == HandoffStatus.WAITING_FOR_HUMAN && requestedAt != null && !hours.openAt(requestedAt));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
