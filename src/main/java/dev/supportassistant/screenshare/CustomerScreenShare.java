package dev.supportassistant.screenshare;

import java.time.Instant;

/**
 * What the customer gets of a screen-sharing session: the channel and their own publisher token.
 * Never the support agent's token, which would let whoever holds an anonymous conversation's id
 * take the agent's seat; that token comes from the support desk.
 */
public record CustomerScreenShare(String id, String conversationId, String channelName, String appId,
        TokenGrant customer, Instant issuedAt, Instant expiresAt) {
}
