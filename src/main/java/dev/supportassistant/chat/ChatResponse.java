package dev.supportassistant.chat;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.conversation.ChatMessage;

/**
 * The answer to a chat request.
 *
 * @param confidenceScore the confusion level of the customer's message (the old backend's name,
 *     which the frontend reads)
 * @param screenShare the conversation's screen-sharing channel, present only when
 *     {@code shouldRequestScreenShare} is true
 */
record ChatResponse(ChatMessage message, String conversationId, boolean shouldRequestScreenShare,
        double confidenceScore, @Nullable ScreenShareOffer screenShare) {

    /** The same answer as a customer is shown it: without the service's internals ({@link ChatMessage#forCustomer()}). */
    ChatResponse forCustomer() {
        return new ChatResponse(message.forCustomer(), conversationId, shouldRequestScreenShare,
                confidenceScore, screenShare);
    }

    /**
     * Where to share the screen when {@code shouldRequestScreenShare} is true: the conversation's
     * Agora channel. Tokens for it come from {@code POST /api/v1/conversation/{id}/screen-share}.
     */
    record ScreenShareOffer(String channelName) {
    }
}
