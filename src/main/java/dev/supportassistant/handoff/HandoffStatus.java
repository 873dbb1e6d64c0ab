package dev.supportassistant.handoff;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who answers a conversation. {@code bot} → {@code waiting_for_human} → {@code with_human} →
 * {@code resolved}, or back to {@code bot}; after {@code resolved} the AI answers again.
 */
public enum HandoffStatus {
    BOT, WAITING_FOR_HUMAN, WITH_HUMAN, RESOLVED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a person holds (or is about to hold) the conversation, so the AI stays silent. */
    public boolean humanSide() {
        return this == WAITING_FOR_HUMAN || this == WITH_HUMAN;
    }

    /** The status of this wire name ({@code waiting_for_human}, ...), if it is one. */
    public static Optional<HandoffStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
