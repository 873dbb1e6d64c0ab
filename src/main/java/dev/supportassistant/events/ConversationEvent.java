package dev.supportassistant.events;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a conversation, as subscribers receive it.
 *
 * @param id the event's place in the order of all events; a server-sent event's {@code id}, which a
 *     reconnecting client sends back as {@code Last-Event-ID}
 * @param type {@code message} (a new message) or {@code status} (the conversation changed hands)
 * @param data the event's JSON object, as staff streams send it
 * @param customerData the JSON object a customer's stream sends instead, without the service's
 *     internals, when it differs from {@code data}
 */
public record ConversationEvent(long id, String conversationId, String type, String data, @Nullable String customerData,
        Instant createdAt) {

    /** The JSON object to send: the customer's version, or the full one for staff. */
    String dataFor(boolean customer) {
        return customer && customerData != null ? customerData : data;
    }
}
