package dev.supportassistant.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A customer's message. A {@code conversationId} that names no stored conversation (or none)
 * starts a new conversation.
 *
 * @param provider the provider to answer this one message, e.g. {@code "anthropic"}; null for
 *     the active provider. It does not change the active provider.
 */
record ChatRequest(
        @NotBlank @Size(max = ChatRequest.MAX_MESSAGE_CHARS) String message,
        @Size(max = 255) String conversationId,
        @Size(max = 255) String userId,
        @Size(max = 64) String provider) {

    static final int MAX_MESSAGE_CHARS = 4000;
}
