package dev.supportassistant.feedback;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.ConversationRefusal;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.platform.security.Caller;

/**
 * Customers rate a whole conversation, 1 to 5 with an optional comment: how the outcomes compare
 * the AI alone with people. Only its customer rates it (as reading it: the token's customer, or
 * whoever holds the id of a conversation started without a token; everyone else gets 404, staff
 * 403), only once it was answered (by the AI or a person), and once per outcome: once for a
 * conversation never handed to a person, once per resolution by a person. While a person is asked
 * for or holds it, or after it was handed back to the AI, there is no outcome to rate yet (409).
 *
 * <p>Which outcome a rating is of is read from the handoff module's table, read only, as the
 * conversation module's turn reads it: rating must not depend on the module that depends on this one.
 */
@Service
public class ConversationRatings {

    static final String AI_ONLY = "ai";

    private final Conversations conversations;
    private final JdbcClient jdbc;

    ConversationRatings(Conversations conversations, JdbcClient jdbc) {
        this.conversations = conversations;
        this.jdbc = jdbc;
    }

    ConversationRating rate(String conversationId, RatingRequest request, Caller caller) {
        // Staff first: a support agent sees no customer's conversation as theirs, and would be told 404.
        if (caller.staff()) {
            throw refusal(HttpStatus.FORBIDDEN, "A conversation is rated by its customer, not by support staff");
        }
        Conversation conversation = conversations.visible(conversationId, caller)
                .orElseThrow(ConversationRefusal::notFound);
        Integer score = request.score();
        if (score == null || score < 1 || score > 5) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "score: must be a whole number from 1 to 5");
        }
        boolean answered = conversations.messages(conversation.id()).stream().map(ChatMessage::metadata)
                .anyMatch(meta -> meta instanceof MessageMetadata.AiAnswer || meta instanceof MessageMetadata.HumanReply);
        if (!answered) {
            throw refusal(HttpStatus.CONFLICT, "The conversation can be rated once it has an answer");
        }
        Outcome outcome = outcome(conversation.id());
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        ConversationRating rating = new ConversationRating(conversation.id(), score, comment, outcome.human(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try {
            jdbc.sql("""
                    INSERT INTO conversation_ratings (conversation_id, resolution, human, score, comment, created_at)
                    VALUES (:id, :resolution, :human, :score, :comment, :at)
                    """)
                    .param("id", conversation.id()).param("resolution", outcome.key()).param("human", outcome.human())
                    .param("score", score).param("comment", comment)
                    .param("at", OffsetDateTime.ofInstant(rating.createdAt(), ZoneOffset.UTC)).update();
        } catch (DuplicateKeyException again) {
            throw refusal(HttpStatus.CONFLICT, outcome.human() ? "This resolution of the conversation is rated already"
                    : "This conversation is rated already");
        }
        return rating;
    }

    /** The conversation's ratings, oldest first: at most one per resolution, for the desk. */
    public List<ConversationRating> of(String conversationId) {
        return jdbc.sql("""
                SELECT conversation_id, score, comment, human, created_at FROM conversation_ratings
                WHERE conversation_id = :id ORDER BY created_at LIMIT 100
                """)
                .param("id", conversationId)
                .query((rs, row) -> new ConversationRating(rs.getString("conversation_id"), rs.getInt("score"),
                        rs.getString("comment"), rs.getBoolean("human"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** What a rating now would be of: the AI's answers alone, or the latest resolution by a person. */
    private record Outcome(String key, boolean human) {
    }

    private Outcome outcome(String conversationId) {
        Optional<Handoff> handoff = jdbc.sql("SELECT status, requested_at, status_changed_at FROM handoffs "
                + "WHERE conversation_id = :id")
                .param("id", conversationId)
                .query((rs, row) -> new Handoff(rs.getString("status"), instant(rs.getObject("requested_at",
                        OffsetDateTime.class)), rs.getObject("status_changed_at", OffsetDateTime.class).toInstant()))
                .optional();
        if (handoff.isEmpty() || handoff.get().requestedAt() == null) {
            return new Outcome(AI_ONLY, false);
        }
        if (!"resolved".equals(handoff.get().status())) {
            throw refusal(HttpStatus.CONFLICT, "A conversation handed to a person can be rated once it is resolved");
        }
        return new Outcome("resolved:" + handoff.get().statusChangedAt().toEpochMilli(), true);
    }

    /** What the handoff row says of who holds the conversation, and since when. */
    private record Handoff(String status, @Nullable Instant requestedAt, Instant statusChangedAt) {
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
