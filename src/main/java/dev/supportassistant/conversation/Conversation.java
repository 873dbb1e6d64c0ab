package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored conversation's header.
 *
 * @param userId the user id the conversation was started for (from the request body, or from the
 *     customer token when there was one)
 * @param ownerId the customer whose token started the conversation; only they (and operators) may
 *     see it. Absent for a conversation started without a token: its unguessable id is its key.
 */
public record Conversation(String id, @Nullable String userId, @Nullable String ownerId, Instant createdAt,
        Instant updatedAt) {

    /** A new conversation, not stored yet: it is stored with its first message ({@link Conversations#create}). */
    public static Conversation start(@Nullable String userId, @Nullable String ownerId) {
        Instant now = ChatMessage.now();
        return new Conversation(UUID.randomUUID().toString(), userId, ownerId, now, now);
    }
}
