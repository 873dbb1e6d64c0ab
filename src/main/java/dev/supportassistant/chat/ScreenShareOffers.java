package dev.supportassistant.chat;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.screenshare.ScreenShareSessions;

/**
 * Offers the customer screen sharing with an answer, when they seem confused or the answer itself
 * asks them to share their screen ({@link ScreenSharePhrases}): names the conversation's channel,
 * and the note that records the offer in its history (where statistics and routing rules find it)
 * is stored with the answer, in one commit. Never while screen sharing is not available (Agora not
 * configured): a customer who accepted would get a 503.
 */
@Component
class ScreenShareOffers {

    /**
     * An offer made with an answer.
     *
     * @param note the history's note of it, to store with the answer
     */
    record Offer(String channelName, ChatMetrics.OfferReason reason, ChatMessage note) {
    }

    private final ScreenShareSessions screenShare;

    ScreenShareOffers(ScreenShareSessions screenShare) {
        this.screenShare = screenShare;
    }

    /** Whether screen sharing may be offered at all, and so suggested in an answer. */
    boolean available() {
        return screenShare.available();
    }

    /** The offer to make with this answer, or empty when it makes none. */
    Optional<Offer> after(String conversationId, ConfusionAssessment confusion, AgentReply reply) {
        if (!available() || !confusion.confused() && !ScreenSharePhrases.offeredIn(reply.content(), reply.sources())) {
            return Optional.empty();
        }
        String channelName = screenShare.channelFor(conversationId);
        return Optional.of(new Offer(channelName, confusion.confused() ? ChatMetrics.OfferReason.CONFUSION
                : ChatMetrics.OfferReason.REPLY, Conversations.screenShareOffer(channelName)));
    }
}
