/**
 * The AI support assistant's entry point ({@link dev.supportassistant.SupportAssistantApplication}). Each
 * package below it is one application module in Spring Modulith's sense, used by the others only
 * through its public types; {@code ModularityTests} verifies that, and docs/architecture.md says what
 * each module holds.
 */
@NullMarked
package dev.supportassistant;

import org.jspecify.annotations.NullMarked;
