package dev.supportassistant.screenshare;

import java.security.SecureRandom;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Screen sharing for a conversation, the way the chat hands a customer to a person: the
 * conversation's channel name, and a session that issues the customer's and an agent's tokens for
 * it. Knows conversations only by their id, so the chat can use it without it knowing the chat.
 */
@Service
public class ScreenShareSessions {

    /** Channel names of conversations when {@code AGORA_CHANNEL_PREFIX} is not set. */
    static final String DEFAULT_CHANNEL_PREFIX = "support_";

    private final AgoraTokenService tokens;
    private final ScreenShareSessionStore store;
    private final SecureRandom random = new SecureRandom();

    ScreenShareSessions(AgoraTokenService tokens, ScreenShareSessionStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    /**
     * The channel of a conversation: the configured prefix (so the generic token endpoint also
     * renews its tokens) and the conversation id, valid by Agora's rules.
     */
    public String channelFor(String conversationId) {
        String prefix = tokens.settings().channelPrefix();
        String channelName = (prefix.isEmpty() ? DEFAULT_CHANNEL_PREFIX : prefix) + conversationId;
        AgoraRules.channelNameViolation(channelName).ifPresent(violation -> {
            throw new IllegalArgumentException("No valid channel for conversation id: " + violation);
        });
        return channelName;
    }

    /**
     * Issues the customer's publisher token and an agent's subscriber token for the conversation's
     * channel, each for its own random non-zero uid (a uid-0 token would admit anyone holding it
     * under any uid), and records the session without the tokens.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Agora is not configured
     */
    public ScreenShareSession start(String conversationId) {
        tokens.requireConfigured();
        String channelName = channelFor(conversationId);
        long customerUid = randomUid();
        long agentUid = randomUid();
        while (agentUid == customerUid) {
            agentUid = randomUid();
        }
        TokenGrant customer = tokens.issueForUid(channelName, customerUid, TokenRole.PUBLISHER);
        TokenGrant agent = tokens.issueForUid(channelName, agentUid, TokenRole.SUBSCRIBER);
        ScreenShareSession session = new ScreenShareSession(UUID.randomUUID().toString(), conversationId, channelName,
                customer.appId(), customer, agent, customer.issuedAt(), customer.expiresAt());
        store.record(session);
        return session;
    }

    /**
     * A fresh subscriber token for the support agent of the conversation's latest screen-sharing
     * session, for that session's channel and agent uid: what a person taking over the conversation
     * needs to watch the customer's screen. Empty when the conversation has no session, or when
     * Agora is no longer configured.
     */
    public java.util.Optional<TokenGrant> agentTokenFor(String conversationId) {
        if (!tokens.settings().isConfigured()) {
            return java.util.Optional.empty();
        }
        return store.latestAgentSeat(conversationId)
                .map(seat -> tokens.issueForUid(seat.channelName(), seat.agentUid(), TokenRole.SUBSCRIBER));
    }

    private long randomUid() {
        return 1 + (random.nextLong() & Long.MAX_VALUE) % AgoraRules.UID_MAX;
    }
}
