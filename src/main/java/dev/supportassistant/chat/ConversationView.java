package dev.supportassistant.chat;

import java.time.Instant;
import java.util.List;

/** A conversation with all its messages, oldest first. */
record ConversationView(String conversationId, String userId, List<ChatMessage> messages, Instant createdAt,
        Instant updatedAt) {
}
