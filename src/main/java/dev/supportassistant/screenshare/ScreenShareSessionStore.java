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
