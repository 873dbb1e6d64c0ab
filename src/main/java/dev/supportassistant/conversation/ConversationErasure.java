package dev.supportassistant.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes conversations whole, a batch per transaction: their media first
 * ({@link ConversationMedia}, files included), then the conversations' rows, which take with them
 * every row that references them ({@code ON DELETE CASCADE}: messages and their ratings, events,
 * the conversation's ratings, staff's notes, the handoff, screen-sharing channels and sessions,
 * screenshots, and whatever tables other features add so). What it removed is counted on {@value #REMOVED}, tagged with what and why.
 *
 * <p>A batch is chosen with {@code SELECT ... FOR UPDATE SKIP LOCKED}: with several instances on one
 * PostgreSQL, each locks the rows it deletes and passes over those another instance is deleting,
 * so two instances never wait for each other or delete a conversation twice.
 */
@Component
class ConversationErasure {

    static final String REMOVED = "support.retention.removed";

    /** What a deletion removed, by kind ({@code conversations}, {@code messages}, {@code screenshots}...). */
    record Removed(Map<String, Long> counts) {

        static Removed none() {
            return new Removed(new LinkedHashMap<>());
        }

        long of(String what) {
            return counts.getOrDefault(what, 0L);
        }

        Removed plus(String what, long count) {
            counts.merge(what, count, Long::sum);
            return this;
        }

        Removed plus(Removed other) {
            other.counts.forEach(this::plus);
            return this;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<ConversationMedia> media;
    private final MeterRegistry meters;

    ConversationErasure(JdbcClient jdbc, PlatformTransactionManager transactions, List<ConversationMedia> media,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.media = media;
        this.meters = meters;
    }

    /** Deletes conversations last active before {@code before}, batch after batch, until none is left. */
    Removed inactiveSince(Instant before, int batchSize) {
        return batches("retention", """
                SELECT id FROM conversations WHERE updated_at < :before ORDER BY updated_at, id
                LIMIT :batch FOR UPDATE SKIP LOCKED
                """, Map.of("before", OffsetDateTime.ofInstant(before, ZoneOffset.UTC)), batchSize);
    }

    /** Deletes every conversation of this customer (started for the user id, or by a token of theirs), and their loose media. */
    Removed ofCustomer(String userId, int batchSize) {
        Removed removed = batches("erasure", """
                SELECT id FROM conversations WHERE user_id = :userId OR owner_id = :userId ORDER BY id
                LIMIT :batch FOR UPDATE SKIP LOCKED
                """, Map.of("userId", userId), batchSize);
        transaction.executeWithoutResult(status -> {
            for (ConversationMedia kind : media) {
                counted(removed, "erasure", kind.kind(), kind.eraseOwnedBy(userId));
            }
        });
        return removed;
    }

    /** Deletes one conversation; false when there was none. */
    boolean one(String id) {
        Boolean deleted = transaction.execute(status -> {
            List<String> ids = jdbc.sql("SELECT id FROM conversations WHERE id = :id FOR UPDATE").param("id", id)
                    .query(String.class).list();
            return !ids.isEmpty() && delete(ids, Removed.none(), "erasure") > 0;
        });
        return Boolean.TRUE.equals(deleted);
    }

    /** Deletes media older than {@code before}, of every kind. */
    Removed mediaOlderThan(Instant before) {
        Removed removed = Removed.none();
        transaction.executeWithoutResult(status -> {
            for (ConversationMedia kind : media) {
                counted(removed, "media_retention", kind.kind(), kind.eraseOlderThan(before));
            }
        });
        return removed;
    }

    private Removed batches(String reason, String select, Map<String, Object> params, int batchSize) {
        Removed removed = Removed.none();
        while (true) {
            Integer deleted = transaction.execute(status -> {
                List<String> ids = jdbc.sql(select).params(params).param("batch", batchSize).query(String.class).list();
                return ids.isEmpty() ? 0 : delete(ids, removed, reason);
            });
            if (deleted == null || deleted < batchSize) {
                return removed;
            }
        }
    }

    /** In the caller's transaction: counts what goes, deletes media, then the conversations. */
    private int delete(List<String> ids, Removed removed, String reason) {
        counted(removed, reason, "messages", jdbc.sql("SELECT COUNT(*) FROM messages WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(Long.class).single());
        counted(removed, reason, "events", jdbc.sql(
                "SELECT COUNT(*) FROM conversation_events WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(Long.class).single());
        counted(removed, reason, "ratings", jdbc.sql("""
                SELECT COUNT(*) FROM message_feedback f JOIN messages m ON m.id = f.message_id
                WHERE m.conversation_id IN (:ids)
                """).param("ids", ids).query(Long.class).single());
        counted(removed, reason, "conversation_ratings", jdbc.sql(
                "SELECT COUNT(*) FROM conversation_ratings WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(Long.class).single());
        counted(removed, reason, "notes", jdbc.sql("SELECT COUNT(*) FROM staff_notes WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(Long.class).single());
        for (ConversationMedia kind : media) {
            counted(removed, reason, kind.kind(), kind.eraseOf(ids));
        }
        int deleted = jdbc.sql("DELETE FROM conversations WHERE id IN (:ids)").param("ids", ids).update();
        counted(removed, reason, "conversations", deleted);
        return deleted;
    }

    private void counted(Removed removed, String reason, String what, long count) {
        removed.plus(what, count);
        if (count > 0) {
            Counter.builder(REMOVED).description("What retention and customers' erasure requests deleted")
                    .tags("what", what, "reason", reason).register(meters).increment(count);
        }
    }
}
