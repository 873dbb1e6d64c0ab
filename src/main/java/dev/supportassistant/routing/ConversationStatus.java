package dev.supportassistant.routing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a conversation stands, as far as routing rules can ask ({@code "status"} in a rule). */
public enum ConversationStatus {

    /** Nothing special has happened yet. */
    OPEN,
    /** The assistant has offered screen sharing, and the customer has not started it. */
    SCREEN_SHARE_OFFERED,
    /** The customer started screen sharing. */
    SCREEN_SHARING;

    /** The name operators write, e.g. {@code screen_share_offered}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ConversationStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(name)).findFirst();
    }
}
