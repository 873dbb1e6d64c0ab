package dev.supportassistant.events;

import java.time.Instant;

/**
 * Something that happened in a conversation, as subscribers receive it.
 *
 * @param id the event's place in the order of all events; a server-sent event's {@code id}, which a
 *     reconnecting client sends back as {@code Last-Event-ID}
 * @param type {@code message} (a new message) or {@code status} (the conversation changed hands)
 * @param data the event's JSON object, as sent
 */
public record ConversationEvent(long id, String conversationId, String type, String data, Instant createdAt) {
}
