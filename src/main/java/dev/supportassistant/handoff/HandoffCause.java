package dev.supportassistant.handoff;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** What handed a conversation to a person; also the tag of the handoff counter. */
public enum HandoffCause {
    /** The customer pressed the button ({@code POST /conversation/{id}/handoff}). */
    CUSTOMER_REQUEST,
    /** The customer asked for a person in a message. */
    EXPLICIT_REQUEST,
    /** The customer was confused for {@code HANDOFF_AFTER_CONFUSED_TURNS} turns in a row. */
    CONFUSION;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
