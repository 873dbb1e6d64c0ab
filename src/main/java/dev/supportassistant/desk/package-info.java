/**
 * The support desk: the web page the service serves at {@code /desk} for the people who take
 * conversations over (sign-in, the queue, a conversation, the customer's screen) and, in
 * {@code desk.console}, for operators. Signed in with a session of its own ({@link
 * dev.supportassistant.desk.DeskSecurity}), apart from the API's authentication.
 */
@ApplicationModule(allowedDependencies = {
        "accounts", "agent", "conversation", "handoff", "knowledge", "routing", "screenshare",
        "screenshots", "stats", "platform :: ratelimit", "platform :: security", "platform :: web" })
@NullMarked
package dev.supportassistant.desk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
