/**
 * The support desk: the web page the service serves at {@code /desk} for the people who take
 * conversations over (sign-in, the queue, a conversation, the customer's screen), its API at
 * {@code /api/v1/desk} for agents' own tools, and, in {@code desk.console}, the operators' pages.
 * The pages are signed in with a session of their own ({@link dev.supportassistant.desk.DeskSecurity}),
 * the API with the admin key or an agent's token; both take their steps through the handoff
 * module's {@link dev.supportassistant.handoff.SupportDesk}.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "agent", "conversation", "copilot", "feedback", "handoff", "knowledge", "routing", "screenshare",
        "screenshots", "stats", "platform :: ratelimit", "platform :: security", "platform :: web" })
@NullMarked
package dev.supportassistant.desk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
