package dev.supportassistant.screenshare;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Issued screen-sharing sessions in SQL: who got which uid on which channel, and until when. Never the tokens. */
@Repository
class ScreenShareSessionStore {

    private final JdbcClient jdbc;

    ScreenShareSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The channel and the agent's uid of the conversation's most recent session, if it has one. */
    java.util.Optional<AgentSeat> latestAgentSeat(String conversationId) {
        return jdbc.sql("""
                SELECT channel_name, agent_uid FROM screen_share_sessions WHERE conversation_id = :conversationId
                ORDER BY issued_at DESC LIMIT 1
                """)
                .param("conversationId", conversationId)
                .query((rs, row) -> new AgentSeat(rs.getString("channel_name"), rs.getLong("agent_uid")))
                .optional();
    }

    /** Where a session's support agent joins: its channel and the agent's uid. */
    record AgentSeat(String channelName, long agentUid) {
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
