package dev.supportassistant.conversation;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A screen-sharing step in a conversation's history, kept in the metadata of a system message so
 * that the history shows when screen sharing was offered and when it started. Never the tokens; the
 * seats' uids and how long the tokens are valid are there on a {@code started} step only.
 *
 * @param event {@code offered} (a reply asked the customer to share their screen) or
 *     {@code started} (tokens were issued for the channel)
 */
public record ScreenShareEvent(String event, String channelName, @Nullable Long customerUid, @Nullable Long agentUid,
        @Nullable Instant issuedAt, @Nullable Instant expiresAt) {

    static ScreenShareEvent offered(String channelName) {
        return new ScreenShareEvent("offered", channelName, null, null, null, null);
    }

    /** Tokens were issued for the channel: the customer's seat (publisher) and a support agent's (subscriber). */
    public static ScreenShareEvent started(String channelName, long customerUid, long agentUid, Instant issuedAt,
            Instant expiresAt) {
        return new ScreenShareEvent("started", channelName, customerUid, agentUid, issuedAt, expiresAt);
    }
}
