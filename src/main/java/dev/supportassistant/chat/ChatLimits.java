package dev.supportassistant.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How big a conversation may grow, how much of it a turn reads, and how many chats the service
 * answers at once.
 *
 * @param maxMessagesPerConversation {@code MAX_MESSAGES_PER_CONVERSATION}: a conversation holding
 *     this many messages takes no further customer message (409); its reads and the turns that
 *     read it stay bounded. The turn under way may still store its reply and notes.
 * @param contextMessages {@code HISTORY_CONTEXT_MESSAGES}: the latest messages a turn reads for
 *     confusion signals, routing facts, the provider's context and the handoff rules
 * @param maxConcurrentChats {@code MAX_CONCURRENT_CHATS}: chats and streamed chats answered at once
 *     by this instance, whoever sends them; beyond, 503 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("support.chat")
record ChatLimits(@Min(10) @Max(1_000_000) int maxMessagesPerConversation, @Min(2) @Max(10_000) int contextMessages,
        @Min(1) @Max(1_000_000) int maxConcurrentChats) {
}
