package dev.supportassistant.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.supportassistant.privacy.PersonalData;

/**
 * Handoffs in SQL, one row per conversation ever handed to a person (no row: the AI holds it).
 * A row is saved only at the version it was loaded at ({@code version}, optimistic locking): of two
 * agents or instances saving changes to the same state, the second finds the version moved on and
 * gets an {@link OptimisticLockingFailureException}, and nothing of its change is stored.
 */
@Repository
class HandoffStore {

    private final JdbcClient jdbc;
    private final PersonalData personalData;

    HandoffStore(JdbcClient jdbc, PersonalData personalData) {
        this.jdbc = jdbc;
        this.personalData = personalData;
    }

    /** The conversation's handoff as stored; a new one with the AI holding it when there is none. */
    Handoff load(String conversationId) {
        return jdbc.sql("SELECT * FROM handoffs WHERE conversation_id = :id").param("id", conversationId)
                .query((rs, row) -> new Handoff(state(rs), rs.getLong("version"))).optional()
                .orElseGet(() -> Handoff.none(conversationId));
    }

    Optional<HandoffState> find(String conversationId) {
        return jdbc.sql("SELECT * FROM handoffs WHERE conversation_id = :id").param("id", conversationId)
                .query((rs, row) -> state(rs)).optional();
    }

    /**
     * Stores the handoff's state as the next version of the one it was loaded at.
     *
     * @throws OptimisticLockingFailureException someone else saved it (or first stored it) since
     */
    void save(Handoff handoff) {
        HandoffState state = handoff.state();
        if (handoff.version() == 0) {
            try {
                statement("""
                        INSERT INTO handoffs (conversation_id, status, cause, reason, summary, claimed_by, requested_at,
                            claimed_at, status_changed_at, version)
                        VALUES (:id, :status, :cause, :reason, :summary, :claimedBy, :requestedAt, :claimedAt,
                            :statusChangedAt, 1)
                        """, state).update();
                return;
            } catch (DuplicateKeyException storedMeanwhile) {
                throw new OptimisticLockingFailureException("Handoff of " + state.conversationId()
                        + " was stored meanwhile", storedMeanwhile);
            }
        }
        int saved = statement("""
                UPDATE handoffs SET status = :status, cause = :cause, reason = :reason, summary = :summary,
                    claimed_by = :claimedBy, requested_at = :requestedAt, claimed_at = :claimedAt,
                    status_changed_at = :statusChangedAt, version = version + 1
                WHERE conversation_id = :id AND version = :version
                """, state).param("version", handoff.version()).update();
        if (saved == 0) {
            throw new OptimisticLockingFailureException("Handoff of " + state.conversationId()
                    + " changed since version " + handoff.version());
        }
    }

    /** Conversations in a status, longest waiting first. */
    List<HandoffState> inStatus(HandoffStatus status, int limit) {
        return jdbc.sql("""
                SELECT * FROM handoffs WHERE status = :status ORDER BY requested_at, conversation_id LIMIT :limit
                """)
                .param("status", status.wireName()).param("limit", limit)
                .query((rs, row) -> state(rs)).list();
    }

    private JdbcClient.StatementSpec statement(String sql, HandoffState state) {
        return jdbc.sql(sql)
                .param("id", state.conversationId())
                .param("status", state.status().wireName())
                .param("cause", state.cause() == null ? null : state.cause().wireName())
                // The customer's words and a note written from them: masked too with PII_STORE_MASKED.
                .param("reason", state.reason() == null ? null : personalData.forStorage(state.reason()))
                .param("summary", state.summary() == null ? null : personalData.forStorage(state.summary()))
                .param("claimedBy", state.claimedBy())
                .param("requestedAt", timestamp(state.requestedAt()))
                .param("claimedAt", timestamp(state.claimedAt()))
                .param("statusChangedAt", timestamp(state.statusChangedAt()));
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static HandoffState state(ResultSet rs) throws SQLException {
        String cause = rs.getString("cause");
        return new HandoffState(rs.getString("conversation_id"),
                HandoffStatus.fromWireName(rs.getString("status")).orElseThrow(),
                cause == null ? null : HandoffCause.valueOf(cause.toUpperCase(Locale.ROOT)),
                rs.getString("reason"), rs.getString("summary"), rs.getString("claimed_by"),
                instant(rs, "requested_at"), instant(rs, "claimed_at"), instant(rs, "status_changed_at"));
    }
}
