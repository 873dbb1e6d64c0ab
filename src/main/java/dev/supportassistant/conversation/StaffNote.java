package dev.supportassistant.conversation;

import java.time.Instant;

/**
 * An internal note a person of the support side left on a conversation, for staff only
 * ({@link StaffNotes}).
 *
 * @param author the desk account (or {@code admin}) that wrote it
 */
public record StaffNote(String id, String conversationId, String author, String content, Instant createdAt) {
}
