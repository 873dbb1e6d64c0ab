package dev.supportassistant.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How big a conversation may grow, and how much of it a turn reads. The chat's own limit (how many
 * chats are answered at once) is bound from the same {@code support.chat} settings by the chat.
 *
 * @param maxMessagesPerConversation {@code MAX_MESSAGES_PER_CONVERSATION}: a conversation holding
 *     this many messages takes no further customer message (409); its reads and the turns that
 *     read it stay bounded. The turn under way may still store its reply and notes.
 * @param contextMessages {@code HISTORY_CONTEXT_MESSAGES}: the latest messages a turn reads for
 *     confusion signals, routing facts, the provider's context and the handoff rules
 */
@Validated
@ConfigurationProperties("support.chat")
public record ConversationLimits(@Min(10) @Max(1_000_000) int maxMessagesPerConversation,
        @Min(2) @Max(10_000) int contextMessages) {
}
