package dev.supportassistant.chat;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.web.Printable;

/**
 * A customer's message. A {@code conversationId} that names no stored conversation (or none, or
 * one the caller may not see) starts a new conversation. The message's length limit is a setting
 * ({@code MAX_MESSAGE_CHARS}), checked by {@link ChatService}.
 *
 * @param provider the provider to answer this one message, e.g. {@code "anthropic"}; absent, the
 *     active provider answers. It does not change the active provider.
 */
record ChatRequest(
        @NotBlank @Printable(lines = true) String message,
        @Size(max = 255) @Printable @Nullable String conversationId,
        @Size(max = 255) @Printable @Nullable String userId,
        @Size(max = 64) @Printable @Nullable String provider) {
}
