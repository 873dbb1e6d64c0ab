package dev.supportassistant.agent;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** One earlier message of a conversation, as an agent sees it. */
public record ConversationTurn(Role role, String content) {

    /** Who wrote a message. Serialized in lower case, as in the wire contract. */
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
}
