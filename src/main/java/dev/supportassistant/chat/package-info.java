/**
 * A customer's turn ({@code POST /api/v1/chat}, whole or streamed): {@link dev.supportassistant.chat.ChatService}
 * stores the message, scores it, finds help passages, lets an agent answer, stores the answer and
 * offers screen sharing; the conversations themselves are the conversation module's.
 */
@ApplicationModule(allowedDependencies = {
        "agent", "confusion", "conversation", "knowledge", "language", "routing", "screenshare",
        "platform :: ratelimit", "platform :: security", "platform :: web" })
@NullMarked
package dev.supportassistant.chat;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
