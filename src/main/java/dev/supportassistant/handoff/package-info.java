/**
 * Human handoff: who holds a conversation (the AI or a person) as an aggregate whose steps guard
 * their transitions and are saved with a version, the rules that escalate it, the summary for the
 * person taking over, the support desk's work ({@link dev.supportassistant.handoff.SupportDesk}, used by
 * the desk module's API and pages), and the customer's handoff endpoints and live event stream.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "agent", "chat", "confusion", "conversation", "events", "language", "screenshare",
        "platform :: config", "platform :: database", "platform :: ratelimit", "platform :: security",
        "platform :: web", "privacy" })
@NullMarked
package dev.supportassistant.handoff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
