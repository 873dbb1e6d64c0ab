package dev.supportassistant.feedback;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The customer's rating of a whole conversation, 1 to 5 ({@link ConversationRatings}).
 *
 * @param human whether a person resolved what is rated; false for a conversation the AI alone answered
 * @param comment what the customer wants to say about it, in their words; optional
 */
public record ConversationRating(String conversationId, int score, @Nullable String comment, boolean human,
        Instant createdAt) {
}
