/**
 * Human handoff: who holds a conversation (the AI or a person), the rules that escalate it, the
 * summary for the person taking over, the support desk's endpoints, and the customer's live event stream.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "agent", "chat", "confusion", "conversation", "events", "screenshare",
        "platform :: config", "platform :: ratelimit", "platform :: security", "platform :: web" })
@NullMarked
package dev.supportassistant.handoff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
