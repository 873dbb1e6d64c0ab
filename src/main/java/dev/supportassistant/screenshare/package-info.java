/**
 * Screen sharing: Agora RTC tokens issued through Agora's own token builder, checked against
 * Agora's rules, and screen-sharing sessions of conversations.
 * {@link dev.supportassistant.screenshare.ScreenShareSessions} is what other features use.
 */
@ApplicationModule(allowedDependencies = {"platform :: ratelimit"})
@NullMarked
package dev.supportassistant.screenshare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
