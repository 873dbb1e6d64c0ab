package dev.supportassistant.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many chats the service answers at once. How big a conversation may grow and how much of it a
 * turn reads are bound from the same {@code support.chat} settings by
 * {@link dev.supportassistant.conversation.ConversationLimits}.
 *
 * @param maxConcurrentChats {@code MAX_CONCURRENT_CHATS}: chats and streamed chats answered at once
 *     by this instance, whoever sends them; beyond, 503 with {@code Retry-After}
 */
@Validated
@ConfigurationProperties("support.chat")
record ChatLimits(@Min(1) @Max(1_000_000) int maxConcurrentChats) {
}
