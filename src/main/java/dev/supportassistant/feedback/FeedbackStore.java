package dev.supportassistant.feedback;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.supportassistant.conversation.MessageMetadata;

/**
 * Customers' ratings of messages in SQL, one a message. The conversation module shows them with the
 * messages they rate ({@link MessageMetadata#feedback()}), reading this table.
 */
@Repository
class FeedbackStore {

    private final JdbcClient jdbc;

    FeedbackStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the rating, replacing an earlier one. Update first, insert when there was none; when
     * two requests insert at once, the loser's update replaces the winner's row, as if it came second.
     */
    void save(String messageId, MessageMetadata.Feedback feedback) {
        if (update(messageId, feedback) > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO message_feedback (message_id, rating, comment, created_at)
                    VALUES (:messageId, :rating, :comment, :createdAt)
                    """)
                    .param("messageId", messageId).param("rating", feedback.rating())
                    .param("comment", feedback.comment())
                    .param("createdAt", OffsetDateTime.ofInstant(feedback.createdAt(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException concurrent) {
            update(messageId, feedback);
        }
    }

    private int update(String messageId, MessageMetadata.Feedback feedback) {
        return jdbc.sql("""
                UPDATE message_feedback SET rating = :rating, comment = :comment, created_at = :createdAt
                WHERE message_id = :messageId
                """)
                .param("messageId", messageId).param("rating", feedback.rating()).param("comment", feedback.comment())
                .param("createdAt", OffsetDateTime.ofInstant(feedback.createdAt(), ZoneOffset.UTC))
                .update();
    }
}
