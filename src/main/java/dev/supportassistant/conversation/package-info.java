/**
 * Conversations and their messages: stored in SQL, read back, paged, listed and erased by their
 * customer, shown to customers without the service's internals, and offered to other features
 * through {@link dev.supportassistant.conversation.Conversations}.
 */
@ApplicationModule(allowedDependencies = {
        "agent", "routing", "screenshare", "platform :: database", "platform :: ratelimit",
        "platform :: security" })
@NullMarked
package dev.supportassistant.conversation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
