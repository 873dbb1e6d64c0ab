package dev.supportassistant.screenshare;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Screen sharing for a conversation, the way the chat hands a customer to a person: the
 * conversation's channel, and sessions that issue the customer's and an agent's tokens for it.
 * The channel's name is random and stored ({@link ConversationChannels}); its tokens come only
 * from here: the customer's through the conversation, the agent's through the desk. Knows
 * conversations only by their id, so the chat can use it without it knowing the chat. Without
 * Agora's credentials nobody could accept screen sharing, so it is not offered at all
 * ({@link #available()}); the start-up log says which it is.
 */
@Service
public class ScreenShareSessions {

    private static final Logger log = LoggerFactory.getLogger(ScreenShareSessions.class);

    private final AgoraTokenService tokens;
    private final ScreenShareSessionStore store;
    private final SecureRandom random = new SecureRandom();

    ScreenShareSessions(AgoraTokenService tokens, ScreenShareSessionStore store) {
        this.tokens = tokens;
        this.store = store;
    }

    /**
     * Whether screen sharing can be offered: Agora is configured ({@code AGORA_APP_ID} and
     * {@code AGORA_APP_CERTIFICATE}), so a customer who accepts gets a token rather than a 503.
     */
    public boolean available() {
        return tokens.settings().isConfigured();
    }

    /** One start-up line saying whether customers will be offered screen sharing, and what it needs when not. */
    @EventListener(ApplicationReadyEvent.class)
    void reportAtStart() {
        if (available()) {
            log.info("Screen sharing: on (Agora); confused customers are offered it");
        } else {
            log.info("Screen sharing: off, AGORA_APP_ID and AGORA_APP_CERTIFICATE are not set; customers are not "
                    + "offered it");
        }
    }

    /** The conversation's channel, given on first use and the same ever after, on every instance. */
    public String channelFor(String conversationId) {
        Optional<String> assigned = store.channelOf(conversationId);
        if (assigned.isPresent()) {
            return assigned.get();
        }
        String channelName = ConversationChannels.newName(tokens.settings(), random);
        return store.assignChannel(conversationId, channelName) ? channelName
                : store.channelOf(conversationId).orElseThrow();
    }

    /**
     * Issues the customer's publisher token and an agent's subscriber token for the conversation's
     * channel, each for its own random non-zero uid (a uid-0 token would admit anyone holding it
     * under any uid), and records the session without the tokens. The agent's token is for the
     * desk's eyes only (see {@link ScreenShareSession#forCustomer()}).
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
     * A fresh publisher token for the customer's seat (channel and uid) in the conversation's latest
     * session: what the SDK's {@code renewToken} needs. Empty when the conversation has no session.
     *
     * @throws org.springframework.web.ErrorResponseException 503 when Agora is not configured
     */
    public Optional<CustomerScreenShare> renewForCustomer(String conversationId) {
        tokens.requireConfigured();
        return store.latest(conversationId).map(seats -> {
            TokenGrant customer = tokens.issueForUid(seats.channelName(), seats.customerUid(), TokenRole.PUBLISHER);
            return new CustomerScreenShare(seats.sessionId(), conversationId, seats.channelName(), customer.appId(),
                    customer, customer.issuedAt(), customer.expiresAt());
        });
    }

    /**
     * A fresh subscriber token for the support agent of the conversation's latest screen-sharing
     * session, for that session's channel and agent uid: what a person taking over the conversation
     * needs to watch the customer's screen. Empty when the conversation has no session, or when
     * Agora is no longer configured.
     */
    public Optional<TokenGrant> agentTokenFor(String conversationId) {
        if (!tokens.settings().isConfigured()) {
            return Optional.empty();
        }
        return store.latest(conversationId)
                .map(seats -> tokens.issueForUid(seats.channelName(), seats.agentUid(), TokenRole.SUBSCRIBER));
    }

    private long randomUid() {
        return 1 + (random.nextLong() & Long.MAX_VALUE) % AgoraRules.UID_MAX;
    }
}
