package dev.supportassistant.screenshare;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Conversations' channels and issued screen-sharing sessions in SQL: who got which uid on which
 * channel, and until when. Never the tokens.
 */
@Repository
class ScreenShareSessionStore {

    private final JdbcClient jdbc;

    ScreenShareSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The conversation's most recent session (without tokens), if it has one. */
    Optional<Seats> latest(String conversationId) {
        return jdbc.sql("""
                SELECT id, channel_name, customer_uid, agent_uid FROM screen_share_sessions
                WHERE conversation_id = :conversationId ORDER BY issued_at DESC LIMIT 1
                """)
                .param("conversationId", conversationId)
                .query((rs, row) -> new Seats(rs.getString("id"), rs.getString("channel_name"),
                        rs.getLong("customer_uid"), rs.getLong("agent_uid")))
                .optional();
    }

    /** Where a session's customer and support agent join: its channel and their uids. */
    record Seats(String sessionId, String channelName, long customerUid, long agentUid) {
    }

    /** The conversation's channel, once it was given one. */
    Optional<String> channelOf(String conversationId) {
        return jdbc.sql("SELECT channel_name FROM screen_share_channels WHERE conversation_id = :id")
                .param("id", conversationId).query(String.class).optional();
    }

    /** Gives the conversation its channel; false when it got one meanwhile (another request, another instance). */
    boolean assignChannel(String conversationId, String channelName) {
        try {
            return jdbc.sql("""
                    INSERT INTO screen_share_channels (conversation_id, channel_name, created_at)
                    VALUES (:id, :channel, :now)
                    """)
                    .param("id", conversationId).param("channel", channelName)
                    .param("now", OffsetDateTime.now(ZoneOffset.UTC)).update() > 0;
        } catch (DuplicateKeyException assignedMeanwhile) {
            return false;
        }
    }

    void record(ScreenShareSession session) {
        jdbc.sql("""
                INSERT INTO screen_share_sessions (id, conversation_id, channel_name, customer_uid, agent_uid,
                    issued_at, expires_at)
                VALUES (:id, :conversationId, :channelName, :customerUid, :agentUid, :issuedAt, :expiresAt)
                """)
                .param("id", session.id())
                .param("conversationId", session.conversationId())
                .param("channelName", session.channelName())
                .param("customerUid", session.customer().uid())
                .param("agentUid", session.agent().uid())
                .param("issuedAt", OffsetDateTime.ofInstant(session.issuedAt(), ZoneOffset.UTC))
                .param("expiresAt", OffsetDateTime.ofInstant(session.expiresAt(), ZoneOffset.UTC))
                .update();
    }
}
