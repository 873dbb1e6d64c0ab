package dev.supportassistant.chat;

/**
 * The answer to a chat request.
 *
 * @param confidenceScore the confusion level of the customer's message (the old backend's name,
 *     which the frontend reads)
 */
record ChatResponse(ChatMessage message, String conversationId, boolean shouldRequestScreenShare,
        double confidenceScore) {
}
