package dev.supportassistant.feedback;

import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.web.Printable;

/**
 * A customer's rating of a conversation.
 *
 * @param score 1 (bad) to 5 (very good); checked by {@link ConversationRatings}, which says what is wrong
 * @param comment optional, at most 2,000 characters
 */
record RatingRequest(@Nullable Integer score, @Size(max = 2000) @Printable(lines = true) @Nullable String comment) {
}
