package dev.supportassistant.chat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many chats the service answers at once, and from when it is overloaded. How big a
 * conversation may grow and how much of it a turn reads are bound from the same
 * {@code support.chat} settings by {@link dev.supportassistant.conversation.ConversationLimits}.
 *
 * @param maxConcurrentChats {@code MAX_CONCURRENT_CHATS}: chats and streamed chats answered at once
 *     by this instance, whoever sends them; beyond, 503 with {@code Retry-After}
 * @param overloadTargetMs {@code OVERLOAD_TARGET_MS}: how long a turn may take to be ready for its
 *     answer (read, scored, stored; the provider's time not counted): when even the quickest turns of
 *     a quarter second take longer, fewer turns are let in at once and new chats beyond are refused
 *     as overload ({@link OverloadDetector}); 0 turns the detection off
 */
@Validated
@ConfigurationProperties("support.chat")
record ChatLimits(@Min(1) @Max(1_000_000) int maxConcurrentChats, @Min(0) @Max(600_000) int overloadTargetMs) {
}
