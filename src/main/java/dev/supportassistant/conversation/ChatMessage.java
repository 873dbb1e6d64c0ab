package dev.supportassistant.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.supportassistant.agent.ConversationTurn.Role;

/** A stored message of a conversation, as the API returns it. */
public record ChatMessage(String id, Role role, String content, Instant timestamp, MessageMetadata metadata) {

    /** A new message, with an id of its own and the time now; stored with {@link Conversations#append}. */
    public static ChatMessage newMessage(Role role, String content, MessageMetadata metadata) {
        return new ChatMessage(UUID.randomUUID().toString(), role, content, now(), metadata);
    }

    /** Millisecond timestamps: what a response shows now is exactly what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
