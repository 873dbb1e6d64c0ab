package dev.supportassistant.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.screenshare.ScreenShareSessions;

/**
 * Offers the customer screen sharing after an answer, when they seem confused or the answer itself
 * asks them to share their screen ({@link ScreenSharePhrases}): names the conversation's channel
 * and records the offer in its history, where statistics and routing rules find it. Never while
 * screen sharing is not available (Agora not configured): a customer who accepted would get a 503.
 */
@Component
class ScreenShareOffers {

    private final ScreenShareSessions screenShare;
    private final Conversations conversations;
    private final ChatMetrics metrics;

    ScreenShareOffers(ScreenShareSessions screenShare, Conversations conversations, ChatMetrics metrics) {
        this.screenShare = screenShare;
        this.conversations = conversations;
        this.metrics = metrics;
    }

    /** Whether screen sharing may be offered at all, and so suggested in an answer. */
    boolean available() {
        return screenShare.available();
    }

    /** The offer made with this answer (already recorded), or empty when it makes none. */
    Optional<ChatResponse.ScreenShareOffer> after(String conversationId, ConfusionAssessment confusion, AgentReply reply) {
        if (!available() || !confusion.confused() && !ScreenSharePhrases.offeredIn(reply.content(), reply.sources())) {
            return Optional.empty();
        }
        String channelName = screenShare.channelFor(conversationId);
        conversations.recordScreenShareOffer(conversationId, channelName);
        metrics.screenShareSuggested(confusion.confused() ? ChatMetrics.OfferReason.CONFUSION
                : ChatMetrics.OfferReason.REPLY);
        return Optional.of(new ChatResponse.ScreenShareOffer(channelName));
    }
}
