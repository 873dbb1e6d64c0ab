/**
 * Conversations and their messages: stored in SQL, read back, paged, listed and erased by their
 * customer, shown to customers without the service's internals, and offered to other features
 * through {@link dev.supportassistant.conversation.Conversations}. Each kind of message (the
 * customer's, an AI's answer, a person's reply, the assistant's holding reply, the service's notes)
 * is a {@link dev.supportassistant.conversation.MessageMetadata} of its own; the module depends on no
 * other feature but {@code privacy} (which keeps customers' text masked when {@code PII_STORE_MASKED}
 * asks): those that produce messages depend on it.
 */
@ApplicationModule(allowedDependencies = {"platform :: database", "platform :: security", "privacy"})
@NullMarked
package dev.supportassistant.conversation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
