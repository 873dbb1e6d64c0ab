package dev.supportassistant.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Handoff states in SQL. Every change is one conditional UPDATE, so that two instances (or two
 * agents) racing for the same conversation cannot both win: the loser sees 0 rows changed.
 */
@Repository
class HandoffStore {

    private final JdbcClient jdbc;

    HandoffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Handoff> find(String conversationId) {
        return jdbc.sql("SELECT * FROM handoffs WHERE conversation_id = :id").param("id", conversationId)
                .query(HandoffStore::handoff).optional();
    }

    /** Escalates a conversation the AI holds; false when a person already holds it (or is about to). */
    boolean escalate(String conversationId, HandoffCause cause, @Nullable String reason, String summary, Instant now) {
        int changed = jdbc.sql("""
                UPDATE handoffs SET status = 'waiting_for_human', cause = :cause, reason = :reason, summary = :summary,
                    claimed_by = NULL, requested_at = :now, claimed_at = NULL, status_changed_at = :now
                WHERE conversation_id = :id AND status IN ('bot', 'resolved')
                """)
                .param("id", conversationId).param("cause", cause.wireName()).param("reason", reason)
                .param("summary", summary).param("now", timestamp(now))
                .update();
        if (changed > 0) {
            return true;
        }
        if (find(conversationId).isPresent()) {
            return false;
        }
        try {
            jdbc.sql("""
                    INSERT INTO handoffs (conversation_id, status, cause, reason, summary, requested_at, status_changed_at)
                    VALUES (:id, 'waiting_for_human', :cause, :reason, :summary, :now, :now)
                    """)
                    .param("id", conversationId).param("cause", cause.wireName()).param("reason", reason)
                    .param("summary", summary).param("now", timestamp(now))
                    .update();
            return true;
        } catch (DuplicateKeyException escalatedMeanwhile) {
            return escalate(conversationId, cause, reason, summary, now);
        }
    }

    /** Gives a waiting conversation to an agent; false when it was not waiting (someone else claimed it). */
    boolean claim(String conversationId, String agent, Instant now) {
        return jdbc.sql("""
                UPDATE handoffs SET status = 'with_human', claimed_by = :agent, claimed_at = :now, status_changed_at = :now
                WHERE conversation_id = :id AND status = 'waiting_for_human'
                """)
                .param("id", conversationId).param("agent", agent).param("now", timestamp(now))
                .update() > 0;
    }

    /**
     * Ends the person's side: back to the bot or resolved. Only from waiting, or from with_human
     * when {@code holder} holds it (absent: whoever holds it).
     */
    boolean finish(String conversationId, HandoffStatus to, @Nullable String holder, Instant now) {
        // Two statements rather than ":holder IS NULL": PostgreSQL cannot type a parameter that is only compared with NULL.
        String holderCondition = holder == null ? "" : " AND claimed_by = :holder";
        var update = jdbc.sql("""
                UPDATE handoffs SET status = :to, claimed_by = NULL, status_changed_at = :now
                WHERE conversation_id = :id
                  AND (status = 'waiting_for_human' OR (status = 'with_human'%s))
                """.formatted(holderCondition))
                .param("id", conversationId).param("to", to.wireName()).param("now", timestamp(now));
        if (holder != null) {
            update = update.param("holder", holder);
        }
        return update.update() > 0;
    }

    /** Conversations in a status, longest waiting first. */
    List<Handoff> inStatus(HandoffStatus status, int limit) {
        return jdbc.sql("""
                SELECT * FROM handoffs WHERE status = :status ORDER BY requested_at, conversation_id LIMIT :limit
                """)
                .param("status", status.wireName()).param("limit", limit)
                .query(HandoffStore::handoff).list();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Handoff handoff(ResultSet rs, int row) throws SQLException {
        String cause = rs.getString("cause");
        return new Handoff(rs.getString("conversation_id"),
                HandoffStatus.fromWireName(rs.getString("status")).orElseThrow(),
                cause == null ? null : HandoffCause.valueOf(cause.toUpperCase(java.util.Locale.ROOT)),
                rs.getString("reason"), rs.getString("summary"), rs.getString("claimed_by"),
                instant(rs, "requested_at"), instant(rs, "claimed_at"), instant(rs, "status_changed_at"));
    }
}
