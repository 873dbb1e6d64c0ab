package dev.supportassistant.chat;

import java.time.Instant;

/** A stored conversation's header. */
record Conversation(String id, String userId, Instant createdAt, Instant updatedAt) {
}
