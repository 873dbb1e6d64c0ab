package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A conversation with its messages, oldest first: all of them, or one page of them.
 *
 * @param userId always written, {@code null} when the conversation was started without one (the
 *     wire contract lists it, as the old backend sent it)
 * @param hasMore whether older messages exist than the first one here; ask for them with
 *     {@code before} set to that message's id
 */
record ConversationView(String conversationId, @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable String userId,
        List<ChatMessage> messages, Instant createdAt, Instant updatedAt, boolean hasMore) {
}
