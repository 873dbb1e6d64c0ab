package dev.supportassistant.chat;

import java.time.Instant;

import dev.supportassistant.agent.ConversationTurn.Role;

/** A stored message of a conversation, as the API returns it. */
public record ChatMessage(String id, Role role, String content, Instant timestamp, MessageMetadata metadata) {
}
