/**
 * Screen sharing: Agora RTC tokens issued through Agora's own token builder, checked against
 * Agora's rules, screen-sharing sessions of conversations and the customer's endpoints that start them.
 * {@link dev.supportassistant.screenshare.ScreenShareSessions} is what other features use.
 */
@ApplicationModule(allowedDependencies = {"conversation", "platform :: ratelimit", "platform :: security"})
@NullMarked
package dev.supportassistant.screenshare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
