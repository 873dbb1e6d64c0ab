package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A conversation with its messages, oldest first: all of them, or one page of them.
 *
 * @param hasMore whether older messages exist than the first one here; ask for them with
 *     {@code before} set to that message's id
 */
record ConversationView(String conversationId, @Nullable String userId, List<ChatMessage> messages, Instant createdAt,
        Instant updatedAt, boolean hasMore) {
}
