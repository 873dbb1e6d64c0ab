/**
 * Confusion detection: scores a customer's message (0.0 to 1.0) and explains the score with signals.
 */
@ApplicationModule(allowedDependencies = {"embedding"})
@NullMarked
package dev.supportassistant.confusion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
