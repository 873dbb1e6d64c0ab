package dev.supportassistant.conversation;

import java.time.Instant;

/** A conversation in a listing: its header and how many messages it holds. */
record ConversationSummary(String conversationId, String userId, Instant createdAt, Instant updatedAt,
        int messageCount) {
}
