package dev.supportassistant.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A stored message of a conversation, as the API returns it. What kind of message it is (the
 * customer's, an AI's answer, a person's reply, the assistant's holding reply, a note the service
 * keeps) is its {@link MessageMetadata}, which also decides its {@link #role()}.
 */
@JsonPropertyOrder({"id", "role", "content", "timestamp", "metadata"})
public record ChatMessage(String id, String content, Instant timestamp, MessageMetadata metadata) {

    /** Who wrote a message, as the wire contract names it: {@code user}, {@code assistant} or {@code system}. */
    public enum Role {
        USER, ASSISTANT, SYSTEM;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Role fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    /** A new message, with an id of its own and the time now; stored with {@link Conversations#append}. */
    public static ChatMessage newMessage(String content, MessageMetadata metadata) {
        return new ChatMessage(UUID.randomUUID().toString(), content, now(), metadata);
    }

    /** The role its kind of message has. */
    @JsonProperty("role")
    public Role role() {
        return metadata.role();
    }

    /** The same message as the conversation's customer is shown it: without the service's internals. */
    public ChatMessage forCustomer() {
        MessageMetadata shown = metadata.forCustomer();
        return shown == metadata ? this : new ChatMessage(id, content, timestamp, shown);
    }

    /** Millisecond timestamps: what a response shows now is exactly what is read back later. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
