package dev.supportassistant.screenshare;

import java.time.Instant;

/**
 * A screen-sharing session of a conversation: one channel, the customer's publisher token and a
 * support agent's subscriber token, each bound to its own non-zero uid.
 */
public record ScreenShareSession(String id, String conversationId, String channelName, String appId,
        TokenGrant customer, TokenGrant agent, Instant issuedAt, Instant expiresAt) {

    /** The customer's part, without the agent's token. */
    public CustomerScreenShare forCustomer() {
        return new CustomerScreenShare(id, conversationId, channelName, appId, customer, issuedAt, expiresAt);
    }
}
